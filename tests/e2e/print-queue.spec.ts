// Printing through a real print queue, the way the browser kiosk prints: the product's own launcher runs the system
// Chromium, headed on a display of its own (Xvfb), with its kiosk flags; the default CUPS printer is a PDF printer
// (cups-pdf). A tap on "print" asks the host; the launcher has its browser draw the page's print view into a PDF and
// hands it to the queue (`lp`). The test reads the PDF that came out (pdftotext), checks that repeated taps made one
// sheet, that the page said when the paper came out and kept answering meanwhile, and that the queue is empty once
// the visit is over. (Before, the page called window.print(): with Debian 12's CUPS security update of 2026, GTK's
// print back end loops for ever inside it, and the kiosk's page froze: this test failed that way on CI.)
import type { Page } from '@playwright/test';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endVisitWith, expect, setupCodeOf, test } from './fixtures';
import { connectToKiosk, startLauncher, type RunningLauncher } from './launcher-process';
import { hasCups, pdfs, pdfsSince, pdfText, queue } from './cups-pdf';
import { answerReadiness, openMesWithMediator, seedMediators, unlockMediator } from './mediator-seed';

test.skip(!hasCups, 'lpstat is missing: CUPS is not installed here (.ci/run installs cups, printer-driver-cups-pdf and poppler-utils)');
test.describe.configure({ mode: 'serial' });

/**
 * Documents CUPS still keeps in its spool folder since `since` (ms): a printed sheet's data stays there for a day
 * unless the kiosk's CUPS is set with PreserveJobFiles No (docs/deploy.md, .ci/run). Unreadable folder: nothing to say.
 */
function spooledSince(since: number): string[] {
  try {
    return readdirSync('/var/spool/cups').filter((f) => /^d\d+-\d+$/.test(f) && statSync(join('/var/spool/cups', f)).mtimeMs >= since);
  } catch {
    return [];
  }
}

let xvfb: ChildProcess | undefined;
let launcher: RunningLauncher | undefined;
let work: string | undefined;
let kiosk: Page | undefined;
let closeConnection: () => Promise<void> = () => Promise.resolve();

test.beforeAll(async () => {
  test.setTimeout(60_000);
  // The default printer must be the PDF printer, as .ci/run sets it up: otherwise this test would print on paper.
  const uri = execFileSync('lpstat', ['-v'], { encoding: 'utf8' });
  const destination = /system default destination: (\S+)/.exec(execFileSync('lpstat', ['-d'], { encoding: 'utf8' }))?.[1];
  expect(destination, 'a default printer (lpadmin -d)').toBeTruthy();
  expect(uri).toContain(`device for ${destination}: cups-pdf:/`);
  // A printer left paused (a run stopped in the middle of the stuck-printer test below) prints nothing: said plainly.
  const state = execFileSync('lpstat', ['-p', destination ?? ''], { encoding: 'utf8' });
  expect(state, `the printer is paused: run \`cupsenable ${destination}\` (.ci/run does)`).not.toMatch(/disabled/);
  // A display of our own: -displayfd writes the number of the first free one.
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    xvfb?.stdio[3]?.on('data', (data: Buffer) => resolve(data.toString().trim()));
    xvfb?.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  // The launcher's browser, headed, in kiosk mode (its flags: --kiosk, --kiosk-printing, an off-the-record profile).
  // No sandbox: these tests may run as root.
  work = mkdtempSync(join(tmpdir(), 'passerelle-print-'));
  launcher = await startLauncher(work, { kiosk: true }, ['--no-sandbox', '--disable-gpu'], { DISPLAY: `:${display}` });
  const connection = await connectToKiosk(launcher);
  kiosk = connection.kiosk;
  // Leaves the launcher's browser running: only the test's own connection goes.
  closeConnection = () => connection.browser.close();
});

test.afterAll(async () => {
  await closeConnection().catch(() => undefined);
  await launcher?.stop();
  xvfb?.kill();
  // The kiosk's data folder of this test (its state DB, setup code and log) goes with it.
  if (work) rmSync(work, { recursive: true, force: true });
});

function kioskPage(): Page {
  if (!kiosk) throw new Error('no kiosk page');
  return kiosk;
}

/** What the launcher logged (its host's log): event names are checked, and that nothing of the visit is in it. */
const launcherLog = (): string => {
  const logs = join(launcher?.dataDir ?? '', 'logs');
  return readdirSync(logs)
    .map((name) => readFileSync(join(logs, name), 'utf8'))
    .join('\n');
};

/** Waits for the jobs to leave the queue, then returns the PDFs that came out since `before`. */
async function printedSince(before: readonly string[]): Promise<string[]> {
  await expect.poll(() => pdfsSince(before).length, { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(queue, { timeout: 20_000 }).toBe('');
  // A second copy, if the taps asked for one, would be in the queue or out by now.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(queue()).toBe('');
  return pdfsSince(before);
}

async function openJourney(page: Page): Promise<void> {
  await page.goto(launcher?.url ?? '');
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await unlockMediator(page, 'Sophie', '24681357');
  await openMesWithMediator(page);
}

test('the hand-off prints once through the queue, however often it is tapped, and says when the paper came out', async () => {
  const page = kioskPage();
  await page.goto(launcher?.url ?? '');
  await seedMediators(page, 'la borne de la pharmacie', setupCodeOf(launcher ?? { dataDir: '' }), [
    { displayName: 'Sophie', role: 'volunteer', pin: '24681357' },
  ]);
  await openJourney(page);
  await answerReadiness(page, () => false);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(page.locator('#step-heading')).toHaveText('Taper votre numéro de sécurité sociale');
  // The visitor has to go: "Terminer" closes the accompaniment with its ticket and the hand-off.
  await page.getByRole('button', { name: 'Terminer', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Terminer ?' }).getByRole('button', { name: 'Oui, terminer' }).click();
  const handoff = page.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(handoff.locator('.ticket-code')).toHaveText(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  const ticket = (await handoff.locator('.ticket-code').textContent()) ?? '';

  const before = pdfs();
  const started = Date.now() - 1000;
  // Three quick taps, the way a visitor taps when nothing seems to happen.
  await handoff.getByRole('button', { name: 'Imprimer le résumé' }).scrollIntoViewIfNeeded();
  const button = await handoff.getByRole('button', { name: 'Imprimer le résumé' }).boundingBox();
  if (!button) throw new Error('no print button');
  const tap = () => page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
  for (let n = 0; n < 3; n++) await tap();
  // The page keeps answering while the sheet is made (window.print() held it for good).
  const answered = await Promise.race([page.evaluate(() => 'answered'), new Promise((resolve) => setTimeout(resolve, 5000, 'frozen'))]);
  expect(answered).toBe('answered');
  // And again once the page is back, as when the sheet is slow to come out.
  await page.waitForTimeout(3000);
  await tap();
  await tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toHaveCount(0);
  const printed = await printedSince(before);
  expect(printed).toHaveLength(1);
  await expect(
    handoff.getByRole('status').filter({ hasText: /^Imprimé à \d{2}:\d{2}\. Prenez la feuille dans l'imprimante\.$/ }),
  ).toBeVisible();
  await expect(handoff.getByRole('button', { name: 'Imprimer le résumé' })).toBeDisabled();

  // The launcher printed it, and its log says so without a word of the sheet.
  expect(launcherLog()).toContain('"print.queued"');
  expect(launcherLog()).not.toContain(ticket);
  const text = pdfText(printed[0] ?? '');
  expect(text).toContain('Résumé de votre démarche');
  expect(text).toContain('Activer Mon espace santé');
  // The ticket is printed wide apart (letter-spacing), so pdftotext may cut it with spaces.
  expect(text.replace(/\s+/g, '')).toContain(ticket);
  expect(text).toContain('Taper votre numéro de sécurité sociale');
  expect(text).toContain('3646');
  // The journal head of the kiosk's last check goes on paper: an anchor kept outside the kiosk (docs/deploy.md, part 7).
  expect(text.replace(/\s+/g, ' ')).toMatch(/Repère du journal de la borne : ligne \d+ · [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
  // Only the hand-off: not the mediator's name, bar, panel or buttons.
  expect(text).not.toContain('Sophie');
  expect(text).not.toContain('Mode accompagné');
  expect(text).not.toContain("Terminer l'accompagnement");

  // The visit was ended with "Terminer" first: this ends it, and the page reloads.
  await endVisitWith(page, handoff.getByRole('button', { name: "Terminer l'accompagnement" }));
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  // Nothing of the visitor is left in the printer's queue.
  expect(queue()).toBe('');
  expect(execFileSync('lpstat', ['-W', 'not-completed', '-o'], { encoding: 'utf8' }).trim()).toBe('');
  expect(spooledSince(started)).toEqual([]);
});

test('the slip of what to bring prints through the queue too, and the queue is empty after the visit', async () => {
  const page = kioskPage();
  await openJourney(page);
  // No carte Vitale today: the journey stops at a slip of what to bring next time.
  await answerReadiness(page, (question) => question.includes('carte Vitale avec vous'));
  const slip = page.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(slip).toContainText('Votre carte Vitale, avec ou sans photo.');
  const before = pdfs();
  const started = Date.now() - 1000;
  await slip.getByRole('button', { name: 'Imprimer la liste' }).click();
  await expect(slip.getByRole('status').filter({ hasText: /^Imprimé à / })).toBeVisible();
  const printed = await printedSince(before);
  expect(printed).toHaveLength(1);
  const text = pdfText(printed[0] ?? '');
  expect(text).toContain('Votre carte Vitale, avec ou sans photo.');
  expect(text).not.toContain('Sophie');
  expect(text.replace(/\s+/g, ' ')).toMatch(/Repère du journal de la borne : ligne \d+ · [0-9a-f]{4}( [0-9a-f]{4}){3}/);
  await slip.getByRole('button', { name: "Terminer l'accompagnement" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  expect(queue()).toBe('');
  expect(spooledSince(started)).toEqual([]);
});

test('a sheet stuck in the queue (printer stopped) is said on the page instead of "Imprimé"', async () => {
  test.setTimeout(90_000);
  const page = kioskPage();
  await openJourney(page);
  await answerReadiness(page, (question) => question.includes('carte Vitale avec vous'));
  const slip = page.getByRole('region', { name: 'Résumé de votre démarche' });
  // The printer stops (out of paper, jammed): CUPS holds the job.
  execFileSync('cupsdisable', ['PDF']);
  try {
    await slip.getByRole('button', { name: 'Imprimer la liste' }).click();
    await expect(slip.getByRole('alert')).toHaveText("L'impression n'a pas marché. Demandez à l'accueil, ou prenez cette page en photo.", {
      timeout: 45_000,
    });
    await expect(slip.getByRole('status').filter({ hasText: /^Imprimé à / })).toHaveCount(0);
    expect(queue()).not.toBe('');
  } finally {
    spawnSync('cancel', ['-a', 'PDF']);
    execFileSync('cupsenable', ['PDF']);
  }
  expect(queue()).toBe('');
});
