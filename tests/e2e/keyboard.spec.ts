// The on-screen keyboard: a visitor with only a touch screen types a search and goes through a journey;
// the same keyboard works with a physical keyboard, in every language, without accessibility faults.
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

const keyboardOf = (page: Page) => page.getByRole('group', { name: "Clavier à l'écran" });

async function openSearch(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rechercher' })).toBeVisible();
}

test('with the on-screen keyboard alone, a visitor searches and completes a journey', async ({ page, host }) => {
  await openSearch(page, host.url);
  const field = page.getByRole('searchbox');
  // Tapping the field opens the keyboard, in AZERTY for French.
  await field.click();
  const keyboard = keyboardOf(page);
  await expect(keyboard).toBeVisible();
  await expect(keyboard.getByRole('button', { name: 'AZERTY' })).toHaveAttribute('aria-pressed', 'true');
  const firstLetters = await keyboard.locator('.osk-row').nth(1).getByRole('button').allInnerTexts();
  expect(firstLetters.slice(0, 6).join('')).toBe('azerty');

  for (const letter of 'amelx') await keyboard.getByRole('button', { name: letter, exact: true }).click();
  await keyboard.getByRole('button', { name: 'Effacer' }).click();
  await keyboard.getByRole('button', { name: 'i', exact: true }).click();
  await expect(field).toHaveValue('ameli');
  // The taps typed into the field without taking its focus: the caret is still there, at the end.
  await expect(field).toBeFocused();
  expect(await field.evaluate((input: HTMLInputElement) => input.selectionStart)).toBe(5);
  await expect(page.getByRole('status').filter({ hasText: /Pages trouvées/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await keyboard.getByRole('button', { name: 'Valider' }).click();
  await expect(keyboard).toBeHidden();
  await page
    .getByRole('list', { name: 'Résultats' })
    .getByRole('button', { name: /Créer mon compte ameli/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ameli');
  const yes = page.getByRole('button', { name: 'Oui', exact: true });
  await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
  while (await yes.isVisible()) await yes.click();
  const start = page.getByRole('button', { name: 'Commencer' });
  if (await start.isVisible()) await start.click();
  const next = page.getByRole('button', { name: 'Suivant' });
  for (let i = 0; i < 30 && (await next.isVisible()); i++) await next.click();
  await expect(page.getByRole('heading', { level: 2, name: /terminé|fini|Bravo/i })).toBeVisible();
});

test('a capital letter with the shift key, for one letter only; the keyboard closes and opens from its button', async ({ page, host }) => {
  await openSearch(page, host.url);
  await page.getByRole('button', { name: 'Clavier' }).click();
  const keyboard = keyboardOf(page);
  const shift = keyboard.getByRole('button', { name: 'Majuscule' });
  await shift.click();
  await expect(shift).toHaveAttribute('aria-pressed', 'true');
  await keyboard.getByRole('button', { name: 'A', exact: true }).click();
  await keyboard.getByRole('button', { name: 'm', exact: true }).click();
  await keyboard.getByRole('button', { name: 'Espace' }).click();
  await keyboard.getByRole('button', { name: 'é', exact: true }).click();
  await expect(page.getByRole('searchbox')).toHaveValue('Am é');
  await page.getByRole('button', { name: 'Fermer le clavier' }).click();
  await expect(keyboard).toBeHidden();
  await expect(page.getByRole('button', { name: 'Clavier', exact: true })).toHaveAttribute('aria-expanded', 'false');
});

test('with a physical keyboard: the keys are one tab stop, arrows move between them, Enter types, Escape closes', async ({
  page,
  host,
}) => {
  await openSearch(page, host.url);
  const field = page.getByRole('searchbox');
  // Keyboard focus does not open the on-screen keyboard: the visitor has a real one.
  // The new screen's heading has the focus; the field is the next stop.
  await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.type('car');
  await expect(keyboardOf(page)).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Clavier', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const keyboard = keyboardOf(page);
  await expect(keyboard).toBeVisible();
  // Layout choices, then the keys as a single stop starting on "1".
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(keyboard.getByRole('button', { name: '1', exact: true })).toBeFocused();
  // The row below "1" begins with "a"; four keys to the right is "t", two back is "e".
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(keyboard.getByRole('button', { name: 't', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  await expect(field).toHaveValue('carte');
  // Leaving the keys and coming back lands on the last key used.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(keyboard.getByRole('button', { name: 'e', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(keyboard).toBeHidden();
  await expect(field).toBeFocused();
});

test('in Arabic the keyboard opens with the Arabic layout, right to left, and can switch to a Latin one', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('radio', { name: 'العربية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا' })).toBeVisible();
  await page.getByRole('button', { name: 'بحث' }).click();
  await page.getByRole('searchbox').click();
  const keyboard = page.getByRole('group', { name: 'لوحة المفاتيح على الشاشة' });
  await expect(keyboard.getByRole('button', { name: 'عربي' })).toHaveAttribute('aria-pressed', 'true');
  await expect(keyboard.locator('.osk-keys')).toHaveAttribute('dir', 'rtl');
  for (const letter of 'صحة') await keyboard.getByRole('button', { name: letter, exact: true }).click();
  await expect(page.getByRole('searchbox')).toHaveValue('صحة');
  expect(await axeViolations(page)).toEqual([]);
  await keyboard.getByRole('button', { name: 'AZERTY' }).click();
  await expect(keyboard.locator('.osk-keys')).toHaveAttribute('dir', 'ltr');
  await expect(keyboard.getByRole('button', { name: 'z', exact: true })).toBeVisible();
});
