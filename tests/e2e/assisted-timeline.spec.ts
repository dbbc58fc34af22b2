// One whole accompaniment the way a France Services desk lives it, across two kiosks of the same site (two host
// processes, each with its own data folder, one site key beside the configuration): on kiosk A a mistaken "blocked"
// is corrected, the SMS is awaited for 4 minutes with nobody touching the screen (page clock), then it stops with a
// ticket; on kiosk B another mediator resumes it and finishes it. Each kiosk's admin saves its La Coop export, and
// the installed program's figures-merge makes one line of it: the first day, both parts' minutes added, the
// autonomy of all the steps, the last part's referral. The test prints the timeline it produced (journal rows of
// both kiosks, the wait on the page clock, the CSV lines) for the issue's note.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { adminLogin } from './admin-login';
import type { RunningHost } from './host-process';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { answerReadiness, openMesWithMediator, seedMediators, unlockMediator } from './mediator-seed';

const passphrase = 'la borne de la maison france services';
const site = mkdtempSync(join(tmpdir(), 'passerelle-site-'));
writeFileSync(
  join(site, 'config.json'),
  JSON.stringify({ siteName: 'France Services de Lunel', siteCity: 'Lunel', sitePostcode: '34400', siteInsee: '34145' }),
);
writeFileSync(join(site, 'ticket-key'), randomBytes(32), { mode: 0o600 });
test.afterAll(() => rmSync(site, { recursive: true, force: true }));
const kioskA = useOwnHost('passerelle-timeline-a-', () => [`--config=${join(site, 'config.json')}`]);
const kioskB = useOwnHost('passerelle-timeline-b-', () => [`--config=${join(site, 'config.json')}`]);

/** The journal rows of accompaniments on a kiosk, read from its own state database. */
function journalOf(host: RunningHost): { at: string; event: string; step: string | null; detail: string | null }[] {
  const db = new Database(join(host.dataDir, 'state.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT at, event, step, detail FROM journal WHERE accompaniment IS NOT NULL OR event LIKE 'ticket.%' ORDER BY id")
      .all() as never;
  } finally {
    db.close();
  }
}

/** The admin saves the La Coop file on the kiosk (a locked-down kiosk refuses downloads); its text. */
async function exportOf(page: Page, host: RunningHost): Promise<{ file: string; text: string }> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await adminLogin(page, passphrase);
  const activity = page.getByRole('region', { name: 'Activité des accompagnements' });
  await activity.getByRole('button', { name: 'Enregistrer le fichier sur la borne' }).click();
  await expect(activity.getByRole('status').filter({ hasText: 'enregistré dans' })).toBeVisible();
  const [name] = readdirSync(join(host.dataDir, 'exports'));
  const file = join(host.dataDir, 'exports', name ?? '');
  return { file, text: readFileSync(file, 'utf8') };
}

const records = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
const isLine = (record: string) => /^\d{2}\/\d{2}\/\d{4};/.test(record);
const column = (record: string, index: number) => record.split(';')[index] ?? '';
/** La Coop's columns used here: Date, Durée (min), Niveau d'autonomie, Bénéficiaire réorienté, Structure de redirection. */
const [date, minutes, autonomy, referred, structure] = [0, 8, 13, 14, 15];

test('one accompaniment with a wait, a correction and a resume on another kiosk of the site is one line in the merged figures', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const timeline: string[] = [];
  const clockOf = (iso: number) => new Date(iso).toTimeString().slice(0, 8);

  // Kiosk A: Nadia, a volunteer, with a visitor who activates Mon espace santé.
  const pageA = await (await browser.newContext()).newPage();
  await pageA.clock.install();
  await pageA.goto(kioskA().url);
  await seedMediators(pageA, passphrase, setupCodeOf(kioskA()), [{ displayName: 'Nadia', role: 'volunteer', pin: '24681357' }]);
  await pageA.goto(kioskA().url);
  await unlockMediator(pageA, 'Nadia', '24681357');
  await openMesWithMediator(pageA);
  await answerReadiness(pageA);
  await pageA.getByRole('button', { name: 'Commencer' }).click();
  const headingA = pageA.locator('#step-heading');
  await expect(headingA).toHaveText('Ouvrir le site');
  await pageA.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(headingA).toHaveText('Taper votre numéro de sécurité sociale');
  // A wrong tap ("it is blocked"), corrected at once: the visitor typed it.
  await pageA.getByRole('button', { name: 'Ça bloque' }).click();
  await pageA.getByRole('radio', { name: 'Autre raison' }).click();
  await pageA.getByRole('button', { name: 'Valider' }).click();
  await pageA.getByRole('button', { name: 'Corriger la dernière étape' }).click();
  await pageA.getByRole('radio', { name: 'Faite par la personne' }).click();
  await pageA.getByRole('button', { name: 'Corriger', exact: true }).click();
  await expect(headingA).toHaveText('Votre carte Vitale et son numéro de série');
  await pageA.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(headingA).toHaveText('Recevoir votre code provisoire');

  // The SMS does not come: "we are waiting", 4 minutes with nobody touching the screen, and the visit goes on.
  await pageA.getByRole('button', { name: 'On attend' }).click();
  await pageA.getByRole('radio', { name: 'Un SMS' }).click();
  await pageA.getByRole('button', { name: "Commencer l'attente" }).click();
  const wait = pageA.getByRole('status').filter({ hasText: 'On attend un SMS.' });
  await expect(wait).toBeVisible();
  const waitFrom = await pageA.evaluate(() => Date.now());
  await pageA.clock.pauseAt(waitFrom + 1000);
  for (let s = 0; s < 240; s += 30) {
    await pageA.clock.fastForward(30_000);
    await expect(pageA.getByRole('heading', { level: 1 })).toHaveText('Activer Mon espace santé');
  }
  await expect(pageA.getByRole('alertdialog')).toHaveCount(0);
  await expect(wait).toContainText('Depuis 4 min');
  const waitTo = await pageA.evaluate(() => Date.now());
  timeline.push(`page clock (kiosk A): wait for the SMS from ${clockOf(waitFrom)} to ${clockOf(waitTo)}, no warning, visit still open`);
  await pageA.clock.resume();

  // Still no SMS: blocked, stop here, the slip and its ticket; the accompaniment ends on kiosk A.
  await pageA.getByRole('button', { name: 'Ça bloque' }).click();
  await pageA.getByRole('radio', { name: "Le SMS n'arrive pas" }).click();
  await pageA.getByRole('button', { name: 'Valider' }).click();
  await pageA.getByRole('button', { name: 'Arrêter ici' }).click();
  const handoffA = pageA.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(handoffA.locator('.ticket-code')).toHaveText(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  const code = (await handoffA.locator('.ticket-code').textContent()) ?? '';
  await handoffA.getByRole('button', { name: "Terminer l'accompagnement" }).click();
  await expect(pageA.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();

  // Kiosk B, another process with its own data folder and the same site key: Inès resumes it and finishes it.
  const pageB = await (await browser.newContext()).newPage();
  // The kiosk in front is the one being used (Chromium slows the frames of a page behind another).
  await pageB.bringToFront();
  await pageB.goto(kioskB().url);
  await seedMediators(pageB, passphrase, setupCodeOf(kioskB()), [{ displayName: 'Inès', role: 'professional', pin: '13572468' }]);
  await pageB.goto(kioskB().url);
  await unlockMediator(pageB, 'Inès', '13572468');
  await pageB.getByRole('button', { name: 'Reprendre avec un ticket' }).click();
  const dialog = pageB.getByRole('dialog', { name: 'Reprendre une démarche' });
  await dialog.getByLabel('Code du ticket').fill(code);
  await dialog.getByRole('button', { name: 'Reprendre', exact: true }).click();
  // The history carries the correction: the second step was done, not blocked.
  const history = pageB.getByRole('region', { name: "Reprise : ce qui s'est passé avant" });
  await expect(history.getByRole('listitem')).toHaveText([
    'Ouvrir le site : Fait',
    'Taper votre numéro de sécurité sociale : Fait',
    'Votre carte Vitale et son numéro de série : Fait',
  ]);
  await expect(history).toContainText("Arrêt : Le SMS n'arrive pas");
  await pageB.getByRole('button', { name: "D'accord, on commence" }).click();
  const headingB = pageB.locator('#step-heading');
  for (const title of [
    'Recevoir votre code provisoire',
    'Taper le code provisoire',
    'Taper votre date de naissance',
    'Choisir votre identifiant et votre mot de passe',
    'Le code reçu à chaque connexion',
    "C'est fini",
  ]) {
    await expect(headingB).toHaveText(title);
    await pageB.getByRole('button', { name: "C'est fait, par moi" }).click();
  }
  const handoffB = pageB.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(handoffB).toContainText('Votre démarche est finie.');
  // Inès sends the visitor to the Assurance Maladie for what is left (La Coop's "Structure de redirection").
  await handoffB.getByRole('radio', { name: 'Opérateur ou organisme en charge de la démarche administrative' }).click();
  await handoffB.getByRole('button', { name: "Terminer l'accompagnement" }).click();
  await expect(pageB.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();

  for (const [name, host] of [
    ['kiosk A', kioskA()],
    ['kiosk B', kioskB()],
  ] as const)
    // The journal keeps the minute, never finer.
    for (const row of journalOf(host))
      timeline.push(
        `${name} ${clockOf(Date.parse(row.at)).slice(0, 5)} ${row.event}${row.step ? ` ${row.step}` : ''}${row.detail ? ` ${row.detail}` : ''}`,
      );

  // Each kiosk's La Coop file: its own part, and which ticket it gave or continued.
  await pageA.bringToFront();
  const a = await exportOf(pageA, kioskA());
  await pageB.bringToFront();
  const b = await exportOf(pageB, kioskB());
  await pageA.context().close();
  await pageB.context().close();
  const linesA = records(a.text).filter(isLine);
  const linesB = records(b.text).filter(isLine);
  expect(linesA).toHaveLength(1);
  expect(linesB).toHaveLength(1);
  const given = /^Tickets de reprise;ligne 1;donne ([0-9a-f]{16})$/.exec(records(a.text).at(-2) ?? '')?.[1];
  expect(given).toBeTruthy();
  expect(records(b.text).at(-2)).toBe(`Tickets de reprise;ligne 1;reprend ${given}`);
  // A fingerprint of the ticket, never the code that would resume it.
  expect(a.text + b.text).not.toContain(code);

  // The installed program merges them: one line.
  const merged = execFileSync(process.execPath, ['dist/main/start.cjs', 'figures-merge', a.file, b.file], { encoding: 'utf8' });
  const lines = records(merged).filter(isLine);
  expect(lines).toHaveLength(1);
  const [line] = lines as [string];
  const today = new Date().toLocaleDateString('fr-FR');
  expect(column(line, date)).toBe(today);
  expect(Number(column(line, minutes))).toBe(Number(column(linesA[0] ?? '', minutes)) + Number(column(linesB[0] ?? '', minutes)));
  expect(line).toContain(';France Services de Lunel;;Lunel;34400;34145;');
  expect(line).toContain(';Activer Mon espace santé;');
  // Nadia did two steps, the visitor the others: guided when needed. Inès's referral is the last word.
  expect(column(linesA[0] ?? '', autonomy)).toBe('Autonome avec guidage en cas de besoin');
  expect(column(linesB[0] ?? '', autonomy)).toBe('Autonome');
  expect(column(line, autonomy)).toBe('Autonome avec guidage en cas de besoin');
  expect(column(linesA[0] ?? '', referred)).toBe('Non');
  expect([column(line, referred), column(line, structure)]).toEqual([
    'Oui',
    'Opérateur ou organisme en charge de la démarche administrative',
  ]);

  timeline.push(`kiosk A CSV: ${linesA[0] ?? ''}`, `kiosk B CSV: ${linesB[0] ?? ''}`, `merged: ${line}`);
  const text = timeline.join('\n');
  await testInfo.attach('timeline', { body: text, contentType: 'text/plain' });
  process.stdout.write(`\n--- timeline of the accompaniment ---\n${text}\n`);
});
