// What the accessibility audit found beyond the engines: the reading highlight's contrast in every theme, "Moins de
// mouvement" following the computer's setting, French names marked lang="fr" on English and Arabic pages, and a
// search field whose clear button is a full-size target.
import type { Page } from '@playwright/test';
import { addServedStyleSheet } from './extra-style';
import { expect, test } from './fixtures';
import { finishBlock, installSpeechStandIn } from './speech';

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The highlight's band and text colours as the browser resolves them, and the page behind the block being read. */
const readingColours = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('read-aloud');
    const [range] = highlight ? ([...highlight] as Range[]) : [];
    const node: Node | undefined = range?.commonAncestorContainer;
    const block = node instanceof Element ? node : (node?.parentElement ?? null);
    if (!block) return null;
    const style = getComputedStyle(block, '::highlight(read-aloud)');
    let behind: Element | null = block;
    let background = 'rgba(0, 0, 0, 0)';
    while (behind && /rgba\(.*, 0\)$|transparent/.test(background)) {
      background = getComputedStyle(behind).backgroundColor;
      behind = behind.parentElement;
    }
    return { band: style.backgroundColor, text: style.color, page: background };
  });

for (const theme of ['default', 'contrast'] as const) {
  test(`the block being read stands out (band 3:1 against the page, text 4.5:1 on it) in the ${theme} theme`, async ({ page, host }) => {
    await installSpeechStandIn(page);
    await page.goto(host.url);
    if (theme === 'contrast') {
      await page.getByRole('button', { name: 'Confort' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confort de lecture' });
      await dialog.getByRole('radiogroup', { name: 'Contraste fort' }).getByRole('radio', { name: 'Oui' }).click();
      await dialog.getByRole('button', { name: 'Fermer' }).click();
    }
    await page.getByRole('button', { name: 'Mon compte ameli' }).click();
    await page.getByRole('button', { name: 'Écouter la page' }).click();
    // The heading, then a block on a card (a tile) and one on the page.
    for (let block = 0; block < 3; block++) {
      const colours = await readingColours(page);
      expect(colours, `block ${block}`).not.toBeNull();
      if (!colours) return;
      expect(contrast(colours.band, colours.page), `band ${colours.band} on ${colours.page}`).toBeGreaterThanOrEqual(3);
      expect(contrast(colours.text, colours.band), `text ${colours.text} on ${colours.band}`).toBeGreaterThanOrEqual(4.5);
      await finishBlock(page);
    }
  });
}

test('"Moins de mouvement" starts on when the computer asks for less motion, and then nothing moves', async ({ browser, host }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
  await page.getByRole('button', { name: 'Confort' }).click();
  const motion = page.getByRole('dialog', { name: 'Confort de lecture' }).getByRole('radiogroup', { name: 'Moins de mouvement' });
  await expect(motion.getByRole('radio', { name: 'Oui' })).toBeChecked();
  await context.close();
});

test('"Moins de mouvement" turned on by the visitor stops transitions, animations and smooth scrolling everywhere', async ({
  page,
  host,
}) => {
  // Something that moves, as a future style or a library could add, in the page as it is served: it must stop too.
  await addServedStyleSheet(
    page,
    '@keyframes passerelle-probe { to { opacity: 0.5; } } .tile, .tile::after { animation: passerelle-probe 1s infinite; transition: transform 1s; } html { scroll-behavior: smooth; }',
  );
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'default');
  const moving = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')].flatMap((element) =>
        [null, '::before', '::after'].flatMap((pseudo) => {
          const style = getComputedStyle(element, pseudo);
          return style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
            ? [`${element.className}${pseudo ?? ''}`]
            : [];
        }),
      ),
    );
  expect((await moving()).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Confort' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confort de lecture' });
  await dialog.getByRole('radiogroup', { name: 'Moins de mouvement' }).getByRole('radio', { name: 'Oui' }).click();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
  expect(await moving()).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
});

test('French names inside English and Arabic pages are marked lang="fr"; French pages need no mark', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  expect(await page.locator('main [lang="fr"]').count()).toBe(0);
  for (const language of ['English', 'العربية']) {
    await page.getByRole('radio', { name: language }).click();
    await expect(page.getByRole('button', { name: 'Mon espace santé' }).locator('[lang="fr"]')).toHaveText('Mon espace santé');
  }
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByRole('button', { name: 'My carte Vitale' }).click();
  // The topics come from the host: wait for the screen and its list, then read every mark at once.
  await expect(page.getByRole('heading', { level: 1, name: 'My carte Vitale' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('list').getByRole('listitem').first()).toBeVisible();
  const marked = await page.locator('main [lang="fr"]').allInnerTexts();
  expect(marked).toContain('carte Vitale');
  // Only the French words: the English around them is not marked.
  expect(marked.every((text) => !/\b(the|your|is|and)\b/.test(text))).toBe(true);
});

test("the search field's clear button is a full-size target that empties the field", async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const field = page.getByRole('searchbox', { name: 'Tapez un mot' });
  await expect(page.getByRole('button', { name: 'Effacer' })).toBeHidden();
  await field.fill('ameli');
  const clear = page.getByRole('button', { name: 'Effacer' });
  const box = await clear.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(box?.height).toBeGreaterThanOrEqual(44);
  await clear.click();
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
});
