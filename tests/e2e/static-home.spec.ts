// The home page the host serves before any script runs (rendered at build time): painted and tappable with
// JavaScript off, accessible, filled with the site's settings, and no tap made on it is lost when the app takes over.
import type { Browser, Page, Route } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { appRunning, expect, test, useOwnHost } from './fixtures';

/** Holds the app's entry script until `release` is called: the visitor meets the built page alone until then. */
async function holdAppScript(page: Page): Promise<() => void> {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => (released ? route.continue() : void held.push(route)));
  return () => {
    released = true;
    for (const route of held.splice(0)) void route.continue();
  };
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the home screen is painted with its heading focused, its tiles are links a visitor can follow', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeFocused();
    const tiles = page.getByRole('list', { name: 'Vos besoins' }).getByRole('link');
    await expect(tiles).toHaveText([
      'Mon espace santé',
      'Mon compte ameli',
      'Ma carte Vitale',
      'Trouver un médecin',
      'Payer moins mes soins',
      'Me protéger des arnaques',
    ]);
    for (const name of ['Urgences', 'Rechercher', "Besoin d'aide ?"]) await expect(page.getByRole('link', { name })).toBeVisible();
    const choice = page.getByRole('radiogroup', { name: 'Choisir la langue' });
    await expect(choice.getByRole('radio', { name: 'Français' })).toBeChecked();
    await expect(page.locator('html')).not.toHaveAttribute('data-ready');

    await tiles.filter({ hasText: 'Ma carte Vitale' }).click();
    await expect(page).toHaveURL(/#need-carte-vitale$/);
  });

  test('Confort and Terminer open their dialogs, and close them, without any script', async ({ page, host }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Confort', exact: true }).click();
    const comfort = page.getByRole('dialog', { name: 'Confort de lecture' });
    await expect(comfort).toBeVisible();
    // The focus lands where the app's own dialog puts it.
    await expect(comfort.getByRole('button', { name: 'Fermer' })).toBeFocused();
    // A choice shows at once, before any script: the visitor who needs larger text or strong contrast sees it work.
    const look = () =>
      page.evaluate(() => ({
        rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
        background: getComputedStyle(document.body).backgroundColor,
      }));
    const before = await look();
    await comfort.getByRole('radio', { name: '150 %' }).click();
    await expect(comfort.getByRole('radio', { name: '150 %' })).toBeChecked();
    expect((await look()).rem).toBeCloseTo(before.rem * 1.5, 1);
    await comfort.getByRole('radiogroup', { name: 'Contraste fort' }).getByRole('radio', { name: 'Oui' }).click();
    expect((await look()).background).toBe('rgb(0, 0, 0)');
    await comfort.getByRole('radiogroup', { name: 'Contraste fort' }).getByRole('radio', { name: 'Non' }).click();
    expect((await look()).background).toBe(before.background);
    await comfort.getByRole('button', { name: 'Fermer' }).click();
    await expect(comfort).toBeHidden();

    await page.getByRole('button', { name: 'Terminer' }).click();
    const end = page.getByRole('alertdialog', { name: 'Terminer ?' });
    await expect(end).toBeVisible();
    await expect(end.getByRole('button', { name: 'Non, continuer' })).toBeFocused();
    await end.getByRole('button', { name: 'Non, continuer' }).click();
    await expect(end).toBeHidden();
  });
});

test('the built page has no axe violation, closed and with Confort open', async ({ page, host }) => {
  // Scripts on for axe itself; the app's own script never arrives.
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Confort', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Confort de lecture' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('radio', { name: 'العربية' }).click();
  expect(await axeViolations(page)).toEqual([]);
});

/** When the app's start began (`passerelle:boot`, its first line), in the page's own time; null before. */
const appStartedAt = (page: Page) => page.evaluate(() => performance.getEntriesByName('passerelle:boot')[0]?.startTime ?? null);

test('the app waits while a visitor taps the built page as it appears: the page answers, the app starts once it is still', async ({
  page,
  host,
}) => {
  // The field: the page of the next visitor is there, they try Confort at once, open and close it, choose a size.
  // The app's start (fetching and running its code) must not land on those taps; it comes 300 ms after the last.
  await page.addInitScript({ content: `addEventListener('pointerdown', (e) => { window.__lastPress = e.timeStamp; }, true);` });
  await page.goto(host.url);
  const comfort = page.getByRole('button', { name: 'Confort', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Confort de lecture' });
  for (const size of ['150 %', '200 %', '100 %']) {
    await comfort.click();
    await dialog.getByRole('radio', { name: size }).click();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    expect(await appStartedAt(page), 'the app started in the middle of the taps').toBeNull();
  }
  await appRunning(page);
  const lastPress = await page.evaluate(() => (window as unknown as { __lastPress: number }).__lastPress);
  expect(await appStartedAt(page)).toBeGreaterThanOrEqual(lastPress + 300);
});

test('a visitor on the keyboard keeps the app waiting as a finger does: it starts 300 ms after their last key', async ({ page, host }) => {
  // The page's clock held and moved by hand: a key every 250 ms for a second, then the page is left alone.
  const appAsked = () => page.evaluate(() => document.querySelector('script[type="module"]') !== null);
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await page.clock.pauseAt(new Date('2026-03-02T09:00:01'));
  await page.goto(host.url);
  for (let key = 0; key < 4; key++) {
    await page.keyboard.press('Tab');
    await page.clock.runFor(250);
  }
  expect(await appAsked(), 'the app started while the visitor was pressing keys').toBe(false);
  await page.clock.runFor(40);
  expect(await appAsked(), 'the app started 290 ms after the last key').toBe(false);
  await page.clock.runFor(20);
  expect(await appAsked(), 'the app did not start 310 ms after the last key').toBe(true);
  await appRunning(page);
});

test('a tap only the app answers starts it at once, still or not: a tile, another language', async ({ page, host }) => {
  // The page's clock held: the page is never still for 300 ms, only a tap can start the app.
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await page.clock.pauseAt(new Date('2026-03-02T09:00:01'));
  await page.goto(host.url);
  await page.waitForTimeout(1000);
  expect(await appStartedAt(page), 'the app started without a tap').toBeNull();
  await page.getByRole('list', { name: 'Vos besoins' }).getByRole('link', { name: 'Ma carte Vitale' }).click();
  await appRunning(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ma carte Vitale' })).toBeFocused();

  await page.reload();
  await page.waitForTimeout(1000);
  expect(await appStartedAt(page), 'the app started without a tap').toBeNull();
  await page.getByRole('radio', { name: 'English' }).click();
  await appRunning(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Hello' })).toBeVisible();
});

test('a tile tapped before the app runs opens its screen once it does, at an address a reload does not replay', async ({ page, host }) => {
  const release = await holdAppScript(page);
  await page.goto(host.url, { waitUntil: 'commit' });
  await page.getByRole('list', { name: 'Vos besoins' }).getByRole('link', { name: 'Ma carte Vitale' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-ready');
  release();
  await appRunning(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ma carte Vitale' })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');
  await page.getByRole('button', { name: 'Accueil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
});

test('a finger already down on Confort when the app arrives is not lost: the dialog opens when it lifts', async ({ page, host }) => {
  const release = await holdAppScript(page);
  await page.goto(host.url, { waitUntil: 'commit' });
  const comfort = page.getByRole('button', { name: 'Confort', exact: true });
  const box = await comfort.boundingBox();
  if (!box) throw new Error('the Confort button is not on the page');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  release();
  // The app's code arrives while the finger stays down for a second: it waits for the press to end before it takes
  // the page over.
  await page.waitForFunction(() => performance.getEntriesByName('passerelle:boot').length > 0);
  await page.waitForTimeout(1000);
  await page.mouse.up();
  await appRunning(page);
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('a keyboard user who tabbed on the built page keeps their place when the app takes over', async ({ page, host }) => {
  const release = await holdAppScript(page);
  await page.goto(host.url, { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Mon espace santé' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Mon compte ameli' })).toBeFocused();
  release();
  await appRunning(page);
  // The app's own tile, a button now, has the focus: the next Tab goes on from there, Enter opens it.
  await expect(page.getByRole('button', { name: 'Mon compte ameli' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ma carte Vitale' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ma carte Vitale' })).toBeFocused();
});

test('a language and Confort choices made before the app runs are the app’s when it does', async ({ page, host }) => {
  const release = await holdAppScript(page);
  await page.goto(host.url, { waitUntil: 'commit' });
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Confort', exact: true }).click();
  const early = page.getByRole('dialog', { name: 'Confort de lecture' });
  await early.getByRole('radio', { name: '150 %' }).click();
  await early.getByRole('radiogroup', { name: 'Contraste fort' }).getByRole('radio', { name: 'Oui' }).click();
  const rem = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const chosen = await rem();
  release();
  await appRunning(page);
  const comfort = page.getByRole('dialog', { name: 'Reading comfort' });
  await expect(comfort).toBeVisible();
  await expect(comfort.getByRole('radio', { name: '150 %' })).toBeChecked();
  // The built page's own style sheet left with it: the text keeps its size by the app's own rules, and no rule on
  // `:has(…)` is left to be checked against the whole page at every tap (only printing's).
  expect(await rem()).toBe(chosen);
  expect(
    await page.evaluate(() => {
      const rules = (list: CSSRuleList, inPrint: boolean): { text: string; inPrint: boolean }[] =>
        [...list].flatMap((rule) =>
          rule instanceof CSSGroupingRule
            ? rules(rule.cssRules, inPrint || (rule instanceof CSSMediaRule && rule.media.mediaText === 'print'))
            : [{ text: rule.cssText, inPrint }],
        );
      return [...document.styleSheets]
        .flatMap((sheet) => rules(sheet.cssRules, false))
        .filter((rule) => rule.text.includes(':has(') && !rule.inPrint);
    }),
  ).toEqual([]);
  await expect(comfort.getByRole('radiogroup', { name: 'Strong contrast' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  await comfort.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello' })).toBeVisible();
});

test('"Espace médiateur" and Terminer tapped before the app runs are answered by the app', async ({ page, host }) => {
  const release = await holdAppScript(page);
  await page.goto(host.url, { waitUntil: 'commit' });
  await page.getByRole('link', { name: 'Espace médiateur' }).click();
  release();
  await appRunning(page);
  const unlock = page.getByRole('dialog', { name: 'Ouvrir le mode accompagné' });
  await expect(unlock).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(unlock).toBeHidden();

  const releaseAgain = await holdAppScript(page);
  await page.reload({ waitUntil: 'commit' });
  await expect(page.locator('html')).not.toHaveAttribute('data-ready');
  await page.getByRole('button', { name: 'Terminer' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Terminer ?' })).toBeVisible();
  releaseAgain();
  await appRunning(page);
  const end = page.getByRole('alertdialog', { name: 'Terminer ?' });
  await expect(end.getByRole('button', { name: 'Non, continuer' })).toBeFocused();
});

/**
 * The built page at `url` and its fonts, the app held back: how much it moved once painted (layout shifts, summed),
 * the fonts it asks for with the page, and the fonts its text needs (the same page without those, in a new context).
 */
async function builtPageFonts(page: Page, browser: Browser, url: string) {
  const settled = (p: Page) =>
    p.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
  await holdAppScript(page);
  await page.addInitScript({
    content: `window.__moved = 0; new PerformanceObserver((list) => { for (const shift of list.getEntries()) window.__moved += shift.value; }).observe({ type: 'layout-shift', buffered: true });`,
  });
  await page.goto(url);
  await settled(page);
  const moved = await page.evaluate(() => (window as unknown as { __moved: number }).__moved);
  const askedAhead = await page
    .locator('link[rel="preload"][as="font"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname).sort());

  const context = await browser.newContext();
  try {
    const plain = await context.newPage();
    await holdAppScript(plain);
    await plain.route(url, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<link rel="preload"[^>]*as="font"[^>]*>/g, '');
      await route.fulfill({ response, body });
    });
    const needed = new Set<string>();
    plain.on('request', (request) => {
      if (request.resourceType() === 'font') needed.add(new URL(request.url()).pathname);
    });
    await plain.goto(url);
    await settled(plain);
    return { moved, askedAhead, needed: [...needed].sort() };
  } finally {
    await context.close();
  }
}

test('the built page is drawn in its fonts from its first paint: nothing moves under a finger, every font is asked for ahead, none in vain', async ({
  page,
  browser,
  host,
}) => {
  const fonts = await builtPageFonts(page, browser, host.url);
  // It was 0.008 with the page's own fonts found by its first layout, about 0.0001 with the Arabic language name's.
  expect(fonts.moved, 'the page moved once painted').toBe(0);
  expect(fonts.askedAhead.length).toBeGreaterThan(0);
  for (const font of fonts.askedAhead) expect(fonts.needed, `${font} is asked for but not used`).toContain(font);
  // Including the top bar's العربية: found by the first layout, it cost that layout a search of the machine's fonts.
  for (const font of fonts.needed) expect(fonts.askedAhead, `${font} is found only by the first layout`).toContain(font);
  // Drawn in its own small cut of Noto Sans Arabic, not in the whole face (50 kB) that nothing else on a French page uses.
  expect(fonts.askedAhead.filter((font) => font.includes('noto-sans-arabic'))).toEqual([]);
  expect(fonts.askedAhead.filter((font) => font.includes('autonyms'))).toHaveLength(1);
});

test('the Arabic language name is drawn in its cut as in the whole face: the same joined letters, the same width, before and after the app takes over', async ({
  page,
  host,
}) => {
  const widths = () =>
    page.evaluate(async () => {
      const name = document.querySelector<HTMLElement>('.language-switch [dir=rtl]');
      if (!name) return null;
      await document.fonts.load(`700 ${getComputedStyle(name).fontSize} "Noto Sans Arabic"`, name.textContent ?? '');
      const whole = name.cloneNode(true) as HTMLElement;
      whole.style.fontFamily = '"Noto Sans Arabic"';
      name.after(whole);
      const drawn = { cut: name.getBoundingClientRect().width, whole: whole.getBoundingClientRect().width };
      whole.remove();
      const inCut = [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Passerelle Autonyms' && face.status === 'loaded');
      return { ...drawn, font: getComputedStyle(name).fontFamily, inCut };
    });
  const release = await holdAppScript(page);
  await page.goto(host.url);
  await page.evaluate(() => document.fonts.ready);
  const built = await widths();
  expect(built?.font).toMatch(/^"Passerelle Autonyms"/);
  expect(built?.inCut).toBe(true);
  // Letters drawn apart, or one missing from the cut and drawn from another font, would change the word's width.
  expect(built?.cut).toBeGreaterThan(20);
  expect(Math.abs((built?.cut ?? 0) - (built?.whole ?? 0))).toBeLessThan(0.5);
  // A tap only the app answers (another language's radio would change the page's language: a tile is enough).
  release();
  await page.getByRole('link', { name: 'Rechercher' }).click();
  await appRunning(page);
  const app = await widths();
  expect(app?.font).toMatch(/^"Passerelle Autonyms"/);
  expect(Math.abs((app?.cut ?? 0) - (app?.whole ?? 0))).toBeLessThan(0.5);
});

test.describe('on a site with its own name, two languages and no assisted mode', () => {
  const host = useOwnHost('passerelle-static-site-', (dataDir) => {
    const config = join(dataDir, 'site.json');
    writeFileSync(
      config,
      JSON.stringify({ siteName: 'Médiathèque <Les Tilleuls>', locales: ['ar', 'fr'], defaultLocale: 'ar', assistedMode: false }),
    );
    return [`--config=${config}`];
  });
  test.use({ javaScriptEnabled: false });

  test('the built page is in the site’s language, with its name and its languages in its order', async ({ page }) => {
    await page.goto(host().url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا' })).toBeVisible();
    await expect(page.getByText('Médiathèque <Les Tilleuls>')).toBeVisible();
    const offered = page.getByRole('radiogroup', { name: 'اختر اللغة' }).getByRole('radio');
    await expect(offered).toHaveCount(2);
    await expect(offered.nth(0)).toHaveAccessibleName('العربية');
    await expect(offered.nth(1)).toHaveAccessibleName('Français');
    await expect(page.getByRole('radio', { name: 'العربية' })).toBeChecked();
    await expect(page.getByRole('link', { name: 'Espace médiateur' })).toHaveCount(0);
  });
});

test.describe('on a site whose language is Arabic', () => {
  const host = useOwnHost('passerelle-static-ar-', (dataDir) => {
    const config = join(dataDir, 'site.json');
    writeFileSync(config, JSON.stringify({ locales: ['ar', 'fr', 'en'], defaultLocale: 'ar' }));
    return [`--config=${config}`];
  });

  test('the built page in Arabic is drawn in its fonts from its first paint, and asks for no font in vain', async ({ page, browser }) => {
    const fonts = await builtPageFonts(page, browser, host().url);
    expect(fonts.moved, 'the page moved once painted').toBe(0);
    expect(fonts.askedAhead.some((font) => font.includes('arabic'))).toBe(true);
    for (const font of fonts.askedAhead) expect(fonts.needed, `${font} is asked for but not used`).toContain(font);
    for (const font of fonts.needed) expect(fonts.askedAhead, `${font} is found only by the first layout`).toContain(font);
  });
});
