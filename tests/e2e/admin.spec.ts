// The admin area: hidden entry, passphrase at first run then login with a lock, the readability view,
// and the accessibility self-check that runs axe-core on every visitor screen. Its own host: it sets a passphrase.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { adminLogin } from './admin-login';
import { addServedStyleSheet } from './extra-style';

const passphrase = 'la borne de la médiathèque';

test.describe.configure({ mode: 'serial' });
const admin = useOwnHost('passerelle-admin-');

async function home(page: Page) {
  await page.goto(admin().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  // The staff gesture listens from the moment the app says it is ready, not from the first paint.
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

async function login(page: Page) {
  await home(page);
  await adminLogin(page, passphrase);
}

test('first run: the admin chooses a passphrase (checked twice, 12 characters at least) with the one-time code from the disk, then sees the admin views', async ({
  page,
}) => {
  await home(page);
  // A visitor's choices are wiped when staff open the area.
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(async () => {
    await page.keyboard.press('Control+Alt+Shift+KeyA');
    await expect(page.getByRole('heading', { level: 1, name: 'Choisir la phrase secrète' })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(await axeViolations(page)).toEqual([]);

  const first = page.getByLabel('Phrase secrète', { exact: true });
  const again = page.getByLabel('La même phrase, encore une fois');
  await first.fill('court');
  await again.fill('court');
  await page.getByRole('button', { name: 'Enregistrer la phrase secrète' }).click();
  await expect(page.getByRole('alert')).toHaveText('La phrase secrète doit avoir au moins 12 caractères.');
  await first.fill(passphrase);
  await again.fill(`${passphrase}!`);
  await page.getByRole('button', { name: 'Enregistrer la phrase secrète' }).click();
  await expect(page.getByRole('alert')).toHaveText('Les deux phrases ne sont pas identiques.');
  await again.fill(passphrase);
  // Without the code written on the kiosk's disk, a visitor who found the gesture cannot take the kiosk over.
  const code = page.getByLabel('Code à usage unique');
  await code.fill('ACDE-FGHJ-KMNP-QRTU');
  await page.getByRole('button', { name: 'Enregistrer la phrase secrète' }).click();
  await expect(page.getByRole('alert')).toHaveText("Ce code à usage unique n'est pas le bon.");
  await code.fill(setupCodeOf(admin()));
  await page.getByRole('button', { name: 'Enregistrer la phrase secrète' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration de la borne' })).toBeVisible();

  // Readability of every page of the pack, with a score and a state in words (not colour alone).
  const table = page.getByRole('region', { name: 'Lisibilité des contenus' }).getByRole('table');
  await expect(table.getByRole('row')).not.toHaveCount(0);
  const rows = await table.getByRole('row').count();
  expect(rows).toBeGreaterThan(20);
  await expect(table.getByRole('cell', { name: 'Facile à lire' }).first()).toBeVisible();
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(table.getByRole('rowheader').first()).toHaveAttribute('lang', 'en');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: "Quitter l'administration" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
});

test('five taps in the top corner open the login; a wrong passphrase says how many tries are left', async ({ page }) => {
  await home(page);
  for (let i = 0; i < 5; i++) await page.mouse.click(10, 10);
  await expect(page.getByRole('heading', { level: 1, name: 'Entrer la phrase secrète' })).toBeVisible();
  // The on-screen keyboard types the passphrase too.
  await page.getByLabel('Phrase secrète').click();
  const keyboard = page.getByRole('group', { name: "Clavier à l'écran" });
  for (const letter of 'non') await keyboard.getByRole('button', { name: letter, exact: true }).click();
  await page.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(page.getByRole('alert')).toHaveText('Phrase secrète incorrecte. Encore 4 essais avant un blocage.');
  await page.getByLabel('Phrase secrète').fill(passphrase);
  await page.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration de la borne' })).toBeVisible();
});

test('the admin area lists the pages due to be read again against their sources', async ({ page }) => {
  const source = readFileSync(
    join(import.meta.dirname, '..', '..', 'content', 'fr', 'fiches', 'complementaire-sante-solidaire.md'),
    'utf8',
  );
  const reviewBy = /^review_by: (\S+)$/m.exec(source)?.[1] ?? '';
  const title = /^title: "?(.+?)"?$/m.exec(source)?.[1] ?? '';
  // The kiosk's clock ten days before that page's review date.
  await page.clock.setFixedTime(new Date(`${reviewBy}T12:00:00Z`).getTime() - 10 * 86_400_000);
  await login(page);
  const due = page.getByRole('list', { name: 'Pages à relire sur les sites officiels' });
  await expect(due.getByRole('listitem').filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} : `) })).toHaveText(
    `${title} : À relire avant le ${reviewBy}`,
  );
  expect(await axeViolations(page)).toEqual([]);
});

test('the self-check runs axe-core on every screen × language × display and reports no problem', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page);
  await page.getByRole('button', { name: 'Lancer la vérification' }).click();
  const summary = page.getByRole('heading', { level: 3, name: /écrans vérifiés/ });
  await expect(summary).toBeVisible({ timeout: 220_000 });
  // Home, six needs, every page of the pack, search, help, emergency; three languages; three displays.
  const items = await page.evaluate(async () => {
    const answer = await fetch('/api/call/content.needs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'fr' }),
    });
    const body = (await answer.json()) as { value: { items: unknown[] }[] };
    return body.value.flatMap((n) => n.items).length;
  });
  const screens = 1 + 6 + items + 3;
  await expect(summary).toHaveText(`${screens * 3 * 3} écrans vérifiés. Problèmes trouvés : 0.`);
  await expect(page.getByText('Aucun problème trouvé.')).toBeVisible();
});

test('the self-check finds a real problem (text made too pale), and can be stopped with what it found so far', async ({ page }) => {
  // A site's own style that breaks contrast, as a regression would.
  await addServedStyleSheet(page, '.selfcheck-stage .screen-heading { color: #c8c8c8 !important; background: #ffffff !important; }');
  await login(page);
  expect(
    await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('200, 200, 200') || rule.cssText.includes('c8c8c8')),
      ),
    ),
  ).toBe(true);
  await page.getByRole('button', { name: 'Lancer la vérification' }).click();
  await expect(page.getByText(/Vérification : ([1-9]\d) sur/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Arrêter la vérification' }).click();
  const summary = page.getByRole('heading', { level: 3, name: /écrans vérifiés/ });
  await expect(summary).toBeVisible();
  await expect(summary).not.toHaveText(/Problèmes trouvés : 0\./);
  await expect(page.getByRole('list', { name: 'Problèmes à corriger' }).getByText('color-contrast').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lancer la vérification' })).toBeVisible();
});

test('the staff exit closes the kiosk app after a confirmation', async ({ page }) => {
  await login(page);
  const exited = new Promise<number | null>((resolve) => admin().process.once('exit', (code) => resolve(code)));
  await page.getByRole('button', { name: 'Fermer la borne' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Fermer la borne ?' });
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await expect(confirm).toBeHidden();
  expect(admin().process.exitCode).toBeNull();
  await page.getByRole('button', { name: 'Fermer la borne' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Oui, fermer la borne' }).click();
  await expect(page.getByRole('alertdialog').getByRole('status')).toHaveText('La borne se ferme.');
  expect(await exited).toBe(0);
});
