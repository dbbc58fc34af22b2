// The mediator corrects a mistaken tap: the first step recorded as blocked is corrected to done by the visitor. The
// real journal keeps both rows (appended, never updated), the hand-off's receipt says "Fait", and the admin's
// figures count no blocked step and a stopped accompaniment. Real web host, Chromium, the host's own SQLite file.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { answerReadiness, openMesWithMediator, seedMediators, unlockMediator } from './mediator-seed';
import { adminLogin } from './admin-login';

const host = useOwnHost('passerelle-correction-');
const passphrase = 'la borne de la maison france services';

function journalRows(): { event: string; step: string | null; detail: string | null }[] {
  const db = new Database(join(host().dataDir, 'state.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT event, step, detail FROM journal WHERE event LIKE 'step.%' ORDER BY id").all() as never;
  } finally {
    db.close();
  }
}

test('a step recorded as blocked by mistake is corrected to done: the journal appends it, the hand-off and the figures follow', async ({
  page,
}) => {
  await page.goto(host().url);
  await seedMediators(page, passphrase, setupCodeOf(host()), [{ displayName: 'Nadia', role: 'volunteer', pin: '24681357' }]);
  await page.goto(host().url);
  await unlockMediator(page, 'Nadia', '24681357');
  await openMesWithMediator(page);
  await answerReadiness(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  const heading = page.locator('#step-heading');
  await expect(heading).toHaveText('Ouvrir le site');

  // The wrong tap: "it is blocked", for another reason.
  await page.getByRole('button', { name: 'Ça bloque' }).click();
  await page.getByRole('radio', { name: 'Autre raison' }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText("C'est noté. Que voulez-vous faire ?")).toBeVisible();

  await page.getByRole('button', { name: 'Corriger la dernière étape' }).click();
  await expect(page.getByRole('heading', { name: "Corriger l'étape : Ouvrir le site" })).toBeVisible();
  // Nothing chosen yet: it says so and records nothing.
  await page.getByRole('button', { name: 'Corriger', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: "Choisissez ce qui s'est passé." })).toBeVisible();
  await page.getByRole('radio', { name: 'Faite par la personne' }).click();
  await page.getByRole('button', { name: 'Corriger', exact: true }).click();
  // No longer blocked: the journey goes on to the next step.
  await expect(heading).toHaveText('Taper votre numéro de sécurité sociale');

  await page.getByRole('button', { name: 'Je veux arrêter' }).click();
  const handoff = page.getByRole('region', { name: 'Résumé de votre démarche' });
  const receipt = handoff.locator('ol.receipt li');
  await expect(receipt).toHaveCount(1);
  await expect(receipt.first()).toContainText('Ouvrir le site');
  await expect(receipt.first()).toContainText('Fait.');
  await expect(receipt.first()).not.toContainText('Bloqué');
  await handoff.getByRole('button', { name: "Terminer l'accompagnement" }).click();

  // Appended, never updated: the first recording and its correction are both in the journal.
  expect(journalRows().filter((r) => r.event !== 'step.secret')).toEqual([
    { event: 'step.blocked', step: 'ouvrir-le-site', detail: 'other' },
    { event: 'step.corrected', step: 'ouvrir-le-site', detail: 'done:visitor' },
  ]);

  // The admin's figures: no blocked step, one accompaniment stopped by the visitor.
  await page.goto(host().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await adminLogin(page, passphrase);
  const activity = page.getByRole('region', { name: 'Activité des accompagnements' });
  await expect(activity.getByRole('region', { name: 'Par résultat' })).toContainText('Arrêtée par la personne');
  await expect(activity.getByRole('region', { name: 'Par résultat' })).not.toContainText('Bloquée');
  await expect(activity.getByText('Aucune étape bloquée pour l’instant.')).toBeVisible();
});
