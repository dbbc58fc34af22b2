// The end of a visit: the host wipes the visitor's data, then the page reloads. The next visitor's home page is shown
// the moment the host has wiped, before the reloaded page arrives (on a thin client, a reload takes a while): nothing
// of the visit is on screen or in the page meanwhile, and a tap on that home page is not lost.
import { chromium, type Page, type Route } from '@playwright/test';
import { httpRoutePrefix } from '../../common/api/routes';
import ar from '../../renderer/i18n/ar.json' with { type: 'json' };
import { axeViolations } from './axe';
import { requireChromium } from './chromium-path';
import { appRunning, expect, test } from './fixtures';
import { missingXTools, startXDisplay } from './x-display';

/** Holds every request for the home page (the reload, or the page asked for again) from now until `release`. */
async function holdHomePage(page: Page, origin: string) {
  const held: Route[] = [];
  let released = false;
  await page.route(
    (url) => url.origin === origin && url.pathname === '/',
    (route) => (released ? route.continue() : void held.push(route)),
  );
  return {
    /** The addresses asked for so far, the latest last. */
    asked: () => held.map((route) => route.request().url()),
    release() {
      released = true;
      // A request the page gave up (a later tap asked for the page again) cannot be continued: nothing to do.
      for (const route of held.splice(0)) route.continue().catch(() => undefined);
    },
  };
}

/** What a person sees on the page, as the page itself reports it (below). */
interface Seen {
  /** The document's start: a new one after the reload. */
  readonly document: number;
  readonly heading: string | null;
  readonly headingFocused: boolean;
  readonly focused: string | null;
  readonly lang: string;
  readonly dir: string;
  readonly rootFontSize: number;
  readonly screens: readonly (string | null)[];
  readonly ready: string | null;
  /** The visitor's typed text found in the page's markup or in one of its fields. */
  readonly typedFound: boolean;
  /** The centre of each visible link, button and label, by its text. */
  readonly places: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * While the reload is held, Playwright's own reading of the page (locators, `evaluate`) waits for it to finish: the
 * page reports what is on screen itself, at each change, and it is tapped as a person does, at a control's place.
 */
async function watchScreen(page: Page, typed: string): Promise<{ latest: () => Seen | undefined }> {
  const seen: Seen[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('seen:')) seen.push(JSON.parse(message.text().slice('seen:'.length)) as Seen);
  });
  await page.addInitScript((text: string) => {
    let queued = false;
    const report = () => {
      queued = false;
      const root = document.documentElement;
      const heading = document.querySelector('h1');
      const places: Record<string, [number, number]> = {};
      for (const control of document.querySelectorAll('a, button, label')) {
        const rect = control.getBoundingClientRect();
        const name = control.textContent?.trim();
        if (name && rect.width > 0 && getComputedStyle(control).visibility !== 'hidden')
          places[name] = [rect.x + rect.width / 2, rect.y + rect.height / 2];
      }
      const seen: Seen = {
        document: performance.timeOrigin,
        heading: heading?.textContent ?? null,
        headingFocused: heading !== null && document.activeElement === heading,
        focused: document.activeElement?.textContent?.trim() ?? null,
        lang: root.lang,
        dir: root.dir,
        rootFontSize: parseFloat(getComputedStyle(root).fontSize),
        screens: [...document.querySelectorAll('[data-screen]')].map((screen) => screen.getAttribute('data-screen')),
        ready: root.dataset.ready ?? null,
        typedFound:
          root.outerHTML.includes(text) ||
          [...document.querySelectorAll('input, textarea')].some((field) => (field as HTMLInputElement).value.includes(text)),
        places,
      };
      console.log('seen:' + JSON.stringify(seen));
    };
    const soon = () => {
      if (queued) return;
      queued = true;
      setTimeout(report, 0);
    };
    new MutationObserver(soon).observe(document, { subtree: true, childList: true, attributes: true });
    addEventListener('focusin', soon, true);
  }, typed);
  return { latest: () => seen.at(-1) };
}

/** A tap at the place of the link, button or label named `name` on screen now. */
async function tapAt(page: Page, screen: { latest: () => Seen | undefined }, name: string): Promise<void> {
  const place = screen.latest()?.places[name];
  if (!place) throw new Error(`nothing named "${name}" is on screen`);
  await page.mouse.click(place[0], place[1]);
}

const rootFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

const typed = 'douleur au genou depuis mardi';

/** A visit to end: the visitor typed a search, read in Arabic, at 200 % text. Returns the site's own text size. */
async function visitToEnd(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await appRunning(page);
  const defaultSize = await rootFontSize(page);
  await page
    .getByRole('link', { name: 'Rechercher' })
    .or(page.getByRole('button', { name: 'Rechercher' }))
    .first()
    .click();
  await page.getByRole('searchbox').fill(typed);
  await page.getByRole('button', { name: 'Confort', exact: true }).click();
  await page.getByRole('dialog').getByRole('radio', { name: '200 %' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('radio', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await rootFontSize(page)).toBeCloseTo(defaultSize * 2, 0);
  return defaultSize;
}

async function confirmEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: ar.nav.end, exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: ar.end.confirm, exact: true }).click();
}

/** The next visitor's home page, in the site's language and direction, its heading focused, nothing of the visit. */
const cleanHome = { heading: 'Bonjour', headingFocused: true, lang: 'fr', dir: 'ltr', screens: ['home'], ready: null, typedFound: false };

test('once the host has wiped, the next visitor’s home is on screen before the reloaded page arrives, with nothing of the visit', async ({
  page,
  host,
}) => {
  const screen = await watchScreen(page, typed);
  const defaultSize = await visitToEnd(page, host.url);
  const visitDocument = screen.latest()?.document;
  const home = await holdHomePage(page, new URL(host.url).origin);
  await confirmEnd(page);

  // The reload is asked for and held, and the home page is on screen in the visit's own document.
  await expect.poll(() => home.asked().length).toBe(1);
  await expect.poll(() => screen.latest()).toMatchObject({ ...cleanHome, document: visitDocument });
  // The site's text size, not the visitor's.
  expect(screen.latest()?.rootFontSize).toBeCloseTo(defaultSize, 1);
  expect(Object.keys(screen.latest()?.places ?? {})).toEqual(
    expect.arrayContaining(['Mon espace santé', 'Ma carte Vitale', 'Me protéger des arnaques', 'Confort', 'Terminer', 'English']),
  );

  home.release();
  await appRunning(page);
  expect(screen.latest()?.document).toBeGreaterThan(visitDocument ?? Infinity);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeFocused();
  await expect(page.getByRole('searchbox')).toHaveCount(0);
});

test('the home is drawn before the new page is asked for: the screen does not keep the visit until the new page paints', async ({
  page,
  host,
}) => {
  // Asked for sooner, the new page may replace this one before its next frame, and the browser keeps the last frame
  // it drew, the visit's, on screen until the new page paints: on a thin client, a long while.
  await visitToEnd(page, host.url);
  const asked: { homeBack: boolean; framesWithHome: number }[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('asked:')) asked.push(JSON.parse(message.text().slice('asked:'.length)) as (typeof asked)[0]);
  });
  await page.evaluate(() => {
    const state = { homeBack: false, framesWithHome: 0 };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('#root > [data-static-home]')) return;
      observer.disconnect();
      state.homeBack = true;
      // A frame whose animation callbacks run once the home is back draws it (they run before its style and paint).
      requestAnimationFrame(() => state.framesWithHome++);
    }).observe(document.getElementById('root') as HTMLElement, { childList: true });
    // Fired when the page asks for the new one (the reload), before it goes.
    addEventListener('beforeunload', () => console.log('asked:' + JSON.stringify(state)));
  });
  const home = await holdHomePage(page, new URL(host.url).origin);
  await confirmEnd(page);
  await expect.poll(() => home.asked().length).toBe(1);
  expect(asked).toEqual([{ homeBack: true, framesWithHome: 1 }]);
  home.release();
  await appRunning(page);
});

test('the page between two visits is the home page the host serves, which has no axe violation', async ({ page, host }) => {
  // The same markup, so the built page's checks hold for it (static-home.spec.ts): its axe sweep, its keyboard, its taps.
  const served = async () => page.evaluate(() => document.getElementById('root')?.innerHTML ?? '');
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(host.url);
  const asServed = await served();
  expect(await axeViolations(page)).toEqual([]);
  await page.unroute(/\/assets\/index-[\w-]+\.js$/);

  const screen = await watchScreen(page, typed);
  await visitToEnd(page, host.url);
  const seenBetween: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('between:')) seenBetween.push(message.text().slice('between:'.length));
  });
  await page.evaluate(() => {
    // Once the home page is back in this document, its markup is reported.
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-static-home]')) return;
      observer.disconnect();
      console.log('between:' + (document.getElementById('root')?.innerHTML ?? ''));
    }).observe(document.getElementById('root') as HTMLElement, { childList: true });
  });
  const home = await holdHomePage(page, new URL(host.url).origin);
  await confirmEnd(page);
  await expect.poll(() => screen.latest()).toMatchObject(cleanHome);
  expect(seenBetween).toEqual([asServed]);
  home.release();
  await appRunning(page);
});

test('the home is not shown before the host has answered the end of the visit', async ({ page, host }) => {
  const screen = await watchScreen(page, typed);
  await visitToEnd(page, host.url);
  const heldEnd: Route[] = [];
  await page.route(`**${httpRoutePrefix}kiosk.endVisit`, (route) => void heldEnd.push(route));
  await confirmEnd(page);
  await expect.poll(() => heldEnd.length).toBe(1);
  // A slow host: half a second, and the home page has not replaced the visit.
  await page.waitForTimeout(500);
  expect(screen.latest()).toMatchObject({ lang: 'ar', dir: 'rtl', typedFound: true });
  for (const route of heldEnd) await route.continue();
  await appRunning(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeFocused();
});

test('a tile tapped on that home before the reloaded page arrives opens in the new page', async ({ page, host }) => {
  const screen = await watchScreen(page, typed);
  await visitToEnd(page, host.url);
  const home = await holdHomePage(page, new URL(host.url).origin);
  await confirmEnd(page);
  await expect.poll(() => screen.latest()).toMatchObject(cleanHome);

  await tapAt(page, screen, 'Ma carte Vitale');
  await expect.poll(() => home.asked().at(-1)).toMatch(/\?screen=need-carte-vitale(&focus=\d+)?$/);
  home.release();
  await appRunning(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ma carte Vitale' })).toBeVisible();
  // The address is the plain one again: the next end of a visit reloads to the home page.
  expect(new URL(page.url()).search).toBe('');
});

test('English, then Confort and 200 % chosen on that home are kept in the new page', async ({ page, host }) => {
  const screen = await watchScreen(page, typed);
  const defaultSize = await visitToEnd(page, host.url);
  const home = await holdHomePage(page, new URL(host.url).origin);
  await confirmEnd(page);
  await expect.poll(() => screen.latest()).toMatchObject(cleanHome);

  await tapAt(page, screen, 'English');
  await expect.poll(() => home.asked().at(-1)).toMatch(/\?language=en(&focus=\d+)?$/);
  await tapAt(page, screen, 'Confort');
  await expect.poll(() => screen.latest()?.places).toHaveProperty('200 %');
  await tapAt(page, screen, '200 %');
  await expect.poll(() => home.asked().at(-1)).toContain('text-size=200');
  expect(home.asked().at(-1)).toContain('language=en');
  expect(home.asked().at(-1)).toContain('open=static-comfort');
  home.release();
  await appRunning(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('dialog').getByRole('radio', { name: '200 %' })).toBeChecked();
  expect(await rootFontSize(page)).toBeCloseTo(defaultSize * 2, 0);
});

test('a keyboard user who moves the focus on that home, with real keys, finds it on the same control in the new page', async ({ host }) => {
  // A real keyboard in front of a real window: Playwright's own key presses wait for an answer the page being left
  // does not always give while its next document is on the way, and no kiosk keyboard waits for one.
  const missing = missingXTools();
  test.skip(missing.length > 0, `needs ${missing.join(', ')} (installed by .ci/run)`);
  const x = await startXDisplay();
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    headless: false,
    env: { ...process.env, DISPLAY: x.display },
  });
  try {
    const page = await browser.newPage();
    const screen = await watchScreen(page, typed);
    await visitToEnd(page, host.url);
    await expect.poll(() => x.windows().some((name) => name.startsWith('Passerelle Santé'))).toBe(true);
    const windowName = x.windows().find((name) => name.startsWith('Passerelle Santé')) ?? '';
    const home = await holdHomePage(page, new URL(host.url).origin);
    await confirmEnd(page);
    await expect.poll(() => screen.latest()).toMatchObject(cleanHome);
    expect(x.focus(windowName)).toBe(true);
    // From the heading, the first tile.
    x.key('Tab');
    await expect.poll(() => screen.latest()?.focused).toBe('Mon espace santé');
    await expect.poll(() => home.asked().at(-1)).toMatch(/\?focus=\d+$/);
    home.release();
    await appRunning(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Mon espace santé');
  } finally {
    await browser.close();
    x.stop();
  }
});

test('choices a visitor made on the built page before the app ran are not on the next visitor’s home', async ({ page, host }) => {
  const screen = await watchScreen(page, typed);
  // The app's code held: the visitor meets the built page alone, chooses 200 % in Confort, then the app arrives.
  const held: Route[] = [];
  let released = false;
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => (released ? route.continue() : void held.push(route)));
  await page.goto(host.url);
  const defaultSize = await rootFontSize(page);
  await page.getByRole('button', { name: 'Confort', exact: true }).click();
  await page.getByRole('dialog', { name: 'Confort de lecture' }).getByRole('radio', { name: '200 %' }).click();
  expect(await rootFontSize(page)).toBeCloseTo(defaultSize * 2, 0);
  released = true;
  for (const route of held.splice(0)) void route.continue();
  await appRunning(page);
  await expect(page.getByRole('dialog').getByRole('radio', { name: '200 %' })).toBeChecked();
  await page.keyboard.press('Escape');

  const home = await holdHomePage(page, new URL(host.url).origin);
  await page.getByRole('button', { name: 'Terminer', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Oui, terminer', exact: true }).click();
  await expect.poll(() => screen.latest()).toMatchObject(cleanHome);
  expect(screen.latest()?.rootFontSize).toBeCloseTo(defaultSize, 1);
  // Confort's dialog is closed on it, and nothing asks for the page again: nothing differs from the page as sent.
  expect(Object.keys(screen.latest()?.places ?? {})).not.toContain('200 %');
  expect(home.asked().map((url) => new URL(url).search)).toEqual(['']);
  home.release();
  await appRunning(page);
});
