// A ticket resumes anywhere on the site, with no server: kiosk A (its own data folder) stops Mon espace santé at the
// SMS step and prints the slip (date, site, the reason in plain words, what to do before coming back, 3422, the
// code); kiosk B, another host process with the same site key beside its configuration, resumes it and shows the
// mediator the steps before and why it stopped; kiosk C, with another key, refuses it. Real hosts and Chromium.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RunningHost } from './host-process';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { answerReadiness, openMesWithMediator, seedMediators, unlockMediator } from './mediator-seed';

test.describe.configure({ mode: 'serial' });

/** A site's configuration folder: its config.json and, beside it, the site's ticket key. */
function siteFolder(key: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-site-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ siteName: 'France Services de Lunel' }));
  writeFileSync(join(dir, 'ticket-key'), key, { mode: 0o600 });
  return dir;
}
const siteKey = randomBytes(32);
const site = siteFolder(siteKey);
const elsewhere = siteFolder(randomBytes(32));
test.afterAll(() => {
  for (const dir of [site, elsewhere]) rmSync(dir, { recursive: true, force: true });
});
const kioskA = useOwnHost('passerelle-kiosk-a-', () => [`--config=${join(site, 'config.json')}`]);
const kioskB = useOwnHost('passerelle-kiosk-b-', () => [`--config=${join(site, 'config.json')}`]);
const kioskC = useOwnHost('passerelle-kiosk-c-', () => [`--config=${join(elsewhere, 'config.json')}`]);

async function openWithMediator(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await seedMediators(page, 'la borne de la maison france services', setupCodeOf(host), [
    { displayName: 'Inès', role: 'volunteer', pin: '24681357' },
  ]);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await unlockMediator(page, 'Inès', '24681357');
}

async function typeTicket(page: Page, code: string) {
  await page.getByRole('button', { name: 'Reprendre avec un ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reprendre une démarche' });
  await dialog.getByLabel('Code du ticket').fill(code);
  await dialog.getByRole('button', { name: 'Reprendre', exact: true }).click();
  return dialog;
}

let code = '';

test('kiosk A: blocked at the SMS step, the slip has the date, the site, the reason, what to do, 3422 and the ticket', async ({ page }) => {
  await openWithMediator(page, kioskA());
  await openMesWithMediator(page);
  await answerReadiness(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  const heading = page.locator('#step-heading');
  await expect(heading).toHaveText('Ouvrir le site');
  await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(heading).toHaveText('Taper votre numéro de sécurité sociale');
  await page.getByRole('button', { name: "C'est fait, par moi" }).click();
  await expect(heading).toHaveText('Votre carte Vitale et son numéro de série');
  await page.getByRole('button', { name: 'Passer cette étape' }).click();
  await expect(heading).toHaveText('Recevoir votre code provisoire');
  await page.getByRole('button', { name: 'Ça bloque' }).click();
  await page.getByRole('radio', { name: "Le SMS n'arrive pas" }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('button', { name: 'Arrêter ici' }).click();

  const handoff = page.getByRole('region', { name: 'Résumé de votre démarche' });
  const slip = handoff.locator('.resume-slip');
  await expect(slip.locator('.ticket-code')).toHaveText(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  code = (await slip.locator('.ticket-code').textContent()) ?? '';
  const today = new Date().toLocaleDateString('fr', { dateStyle: 'long' });
  await expect(slip).toContainText(`Date : ${today}`);
  await expect(slip).toContainText('Lieu : France Services de Lunel');
  await expect(slip).toContainText("Pourquoi on s'est arrêté : le SMS n'est pas arrivé.");
  await expect(slip).toContainText('Avant de revenir : vérifiez que votre téléphone reçoit les SMS.');
  await expect(slip).toContainText('Une question sur Mon espace santé : appelez le 3422');
  await handoff.getByRole('button', { name: "Terminer l'accompagnement" }).click();
});

test('kiosk B, same site key, another process and data folder: the ticket resumes with the history and the reason', async ({ page }) => {
  expect(code).not.toBe('');
  await openWithMediator(page, kioskB());
  await typeTicket(page, code);
  const history = page.getByRole('region', { name: "Reprise : ce qui s'est passé avant" });
  await expect(history.getByRole('listitem')).toHaveText([
    'Ouvrir le site : Fait',
    'Taper votre numéro de sécurité sociale : Fait',
    'Votre carte Vitale et son numéro de série : Passé',
  ]);
  await expect(history).toContainText("Reprise à l'étape : Recevoir votre code provisoire");
  await expect(history).toContainText("Arrêt : Le SMS n'arrive pas");
  // Nothing of who the visitor is: only steps and outcomes.
  await page.getByRole('button', { name: "D'accord, on commence" }).click();
  await expect(page.locator('#step-heading')).toHaveText('Recevoir votre code provisoire');
  // Once on this kiosk.
  await page.goto(kioskB().url);
  await unlockMediator(page, 'Inès', '24681357');
  const dialog = await typeTicket(page, code);
  await expect(dialog.getByRole('alert')).toHaveText("Ce ticket n'existe pas. Il a peut-être déjà servi.");
});

test('kiosk C, another site key: the same code is refused', async ({ page }) => {
  await openWithMediator(page, kioskC());
  const dialog = await typeTicket(page, code);
  await expect(dialog.getByRole('alert')).toHaveText("Ce ticket n'existe pas. Il a peut-être déjà servi.");
});
