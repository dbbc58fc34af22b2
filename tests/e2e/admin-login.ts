// The admin's way in, as staff use it: the keyboard shortcut on a loaded page, then the passphrase.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function adminLogin(page: Page, passphrase: string): Promise<void> {
  // The shortcut listener is attached just after the first paint: press again until the login shows.
  await expect(async () => {
    await page.keyboard.press('Control+Alt+Shift+KeyA');
    await expect(page.getByRole('heading', { level: 1, name: 'Entrer la phrase secrète' })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByLabel('Phrase secrète').fill(passphrase);
  await page.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration de la borne' })).toBeVisible();
}
