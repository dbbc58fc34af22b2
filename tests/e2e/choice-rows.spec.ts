// The rows of choices a visitor meets on every screen (the languages) and in Confort (text size, contrast, motion),
// used with a keyboard: one tab stop per row, on the chosen button; the arrows move along the row the way it reads
// (in Arabic the row runs right to left, so the left arrow goes on); moving does not choose, Enter or Space does.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const focusedRole = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('role') ?? '');
const focusedLeft = (page: Page) => page.evaluate(() => document.activeElement?.getBoundingClientRect().left ?? NaN);

/** From the screen's heading back up to the top bar, Shift+Tab until a radio has the focus. */
async function tabToRadio(page: Page): Promise<void> {
  for (let i = 0; i < 10 && (await focusedRole(page)) !== 'radio'; i++) await page.keyboard.press('Shift+Tab');
  expect(await focusedRole(page)).toBe('radio');
}

test('the language row: one tab stop on the chosen language, arrows along the reading order, Enter chooses', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  const languages = page.getByRole('radiogroup', { name: 'Choisir la langue' });
  await tabToRadio(page);
  expect(await focusedName(page)).toBe('Français');

  // Moving does not choose: the page stays in French.
  const french = await focusedLeft(page);
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe('English');
  expect(await focusedLeft(page)).toBeGreaterThan(french);
  await expect(languages.getByRole('radio', { name: 'Français' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.keyboard.press('End');
  expect(await focusedName(page)).toBe('العربية');
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe('Français');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedName(page)).toBe('العربية');

  // The row is one stop: Tab leaves it, Shift+Tab comes back to the chosen language.
  await page.keyboard.press('Tab');
  expect(await focusedRole(page)).not.toBe('radio');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName(page)).toBe('Français');
  await expect(languages.getByRole('radio')).toHaveCount(3);
  expect(await languages.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.tabIndex))).toEqual([0, -1, -1]);

  // Enter chooses. The page turns right to left, and so do the arrows: the left arrow goes on along the row.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedName(page)).toBe('العربية');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'العربية' })).toBeChecked();
  await page.getByRole('radio', { name: 'العربية' }).focus();
  const arabic = await focusedLeft(page);
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe('English');
  expect(await focusedLeft(page)).toBeGreaterThan(arabic);
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe('Français');
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
});

test('Confort with a keyboard: each row is one stop; an arrow and Enter choose 150 %, Space turns strong contrast on', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Confort' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: '100 %' }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe('150 %');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: '150 %' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '150');
  // The next stop is the contrast row, on its chosen "Non"; one arrow and Space turn it on.
  await page.keyboard.press('Tab');
  const contrast = dialog.getByRole('radiogroup', { name: 'Contraste fort' });
  await expect(contrast.getByRole('radio', { name: 'Non' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(contrast.getByRole('radio', { name: 'Oui' })).toBeChecked();
});
