// An accompaniment survives waiting: with a mediator there, the visitor's idle timer does not end the visit; a
// "we are waiting" state (an SMS here, 4 minutes with nobody touching) pauses the clocks and says so; the mediator's
// own idle gets a warning with time to extend; when the visit still has to end (the mediator's idle, "Terminer"),
// the accompaniment closes with a ticket and the slip, and the journal says which. Page clock for the waits, the
// real web host, and its real SQLite journal read after each visit. Its own host: it creates a mediator.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { answerReadiness, openMesWithMediator, seedMediators, unlockMediator } from './mediator-seed';

test.describe.configure({ mode: 'serial' });
const host = useOwnHost('passerelle-waiting-');

/** Journal rows of accompaniments, oldest first, read from the host's own state database. */
function journal(): { event: string; detail: string | null; accompaniment: string | null }[] {
  const db = new Database(join(host().dataDir, 'state.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT event, detail, accompaniment FROM journal ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

/** Home, unlock as Nadia, open Mon espace santé with her, consent, readiness all yes, up to the step where the SMS comes. */
async function toTheSmsStep(page: Page): Promise<void> {
  await page.goto(host().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await unlockMediator(page, 'Nadia', '24681357');
  await openMesWithMediator(page);
  await answerReadiness(page);
  const start = page.getByRole('button', { name: 'Commencer' });
  await start.click();
  const heading = page.locator('#step-heading');
  await expect(heading).toHaveText('Ouvrir le site');
  await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(heading).toHaveText('Taper votre numéro de sécurité sociale');
  await page.getByRole('button', { name: "C'est fait, par moi" }).click();
  await expect(heading).toHaveText('Votre carte Vitale et son numéro de série');
  await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(heading).toHaveText('Recevoir votre code provisoire');
}

test('waiting for the SMS, nobody touching for 4 minutes: the visit goes on, the wait is on screen, the step is kept', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await page.goto(host().url);
  await seedMediators(page, 'la borne de la médiathèque', setupCodeOf(host()), [
    { displayName: 'Nadia', role: 'volunteer', pin: '24681357' },
  ]);
  await toTheSmsStep(page);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);

  // The secret step keeps what needs no look at the screen: the visitor's "Si ça ne marche pas", the panel's fixes.
  const panel = page.getByRole('complementary', { name: "Notes pour l'accompagnement" });
  await expect(panel).toContainText("Étape secrète : ne regardez pas l'écran quand la personne tape.");
  await expect(panel.getByText("Le SMS n'arrive pas.")).toBeVisible();
  await expect(panel).toContainText('Vérifiez le numéro de téléphone.');
  const step = page.getByRole('region', { name: 'Recevoir votre code provisoire' });
  await expect(step.getByText('Si ça ne marche pas', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'On attend' }).click();
  await page.getByRole('radio', { name: 'Un SMS' }).click();
  await page.getByRole('button', { name: "Commencer l'attente" }).click();
  const wait = page.getByRole('status').filter({ hasText: 'On attend un SMS.' });
  await expect(wait).toBeVisible();
  await expect(wait).toContainText("L'écran reste ouvert");
  // axe-core needs running timers: the clock runs while it checks, then stands still again.
  await page.clock.resume();
  expect(await axeViolations(page)).toEqual([]);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);

  // Four minutes, nobody touches the screen: no warning, no end, the step is still there.
  for (let s = 0; s < 240; s += 30) {
    await page.clock.fastForward(30_000);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activer Mon espace santé');
  }
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('#step-heading')).toHaveText('Recevoir votre code provisoire');
  await expect(wait).toContainText('Depuis 4 min');

  // The SMS came: the wait ends, the step is done, the journey goes on.
  await page.getByRole('button', { name: "C'est arrivé, on continue" }).click();
  await expect(wait).toBeHidden();
  await page.getByRole('button', { name: "C'est fait, par moi" }).click();
  await expect(page.locator('#step-heading')).toHaveText('Taper le code provisoire');
  // Past the visitor's idle time (2 min), with the mediator there: still no warning.
  for (let s = 0; s < 160; s += 20) await page.clock.fastForward(20_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('#step-heading')).toHaveText('Taper le code provisoire');
  expect(journal().map((r) => r.event)).toContain('step.wait');
});

test("the mediator's idle: a warning with time to extend; unanswered, the accompaniment closes with a ticket, then the visit ends", async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-03-03T14:00:00') });
  await toTheSmsStep(page);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);

  // Ten minutes without a touch: the mediator is asked, with two minutes to answer; one tap extends.
  for (let s = 0; s < 600; s += 60) await page.clock.fastForward(60_000);
  const warning = page.getByRole('alertdialog', { name: 'Mode accompagné : vous êtes encore là ?' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('timer')).toHaveText('Secondes restantes : 120');
  for (let s = 0; s < 60; s += 10) await page.clock.fastForward(10_000);
  await expect(warning.getByRole('timer')).toHaveText('Secondes restantes : 60');
  await warning.getByRole('button', { name: "Continuer l'accompagnement" }).click();
  await expect(warning).toBeHidden();
  await expect(page.locator('#step-heading')).toHaveText('Recevoir votre code provisoire');

  // Again, and nobody answers: the accompaniment closes with a ticket and the slip on screen.
  for (let s = 0; s < 600; s += 60) await page.clock.fastForward(60_000);
  await expect(warning).toBeVisible();
  await page.clock.resume();
  expect(await axeViolations(page)).toEqual([]);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  for (let s = 0; s < 125; s += 5) await page.clock.fastForward(5_000);
  const handoff = page.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(handoff).toBeVisible();
  await expect(handoff.locator('.ticket-code')).toHaveText(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  await expect(handoff).toContainText("L'accompagnement s'est arrêté : personne n'a touché l'écran.");
  await expect(page.getByRole('region', { name: 'Mode accompagné' })).toBeHidden();
  const ends = journal().filter((r) => r.event === 'accompaniment.end');
  expect(ends.at(-1)?.detail).toBe('idle');

  // The slip stays for the visitor's idle time and its warning, then the visit ends on a clean home screen.
  for (let s = 0; s < 125; s += 5) await page.clock.fastForward(5_000);
  await expect(page.getByRole('alertdialog', { name: 'Vous êtes encore là ?' })).toBeVisible();
  for (let s = 0; s < 35; s += 5) await page.clock.fastForward(5_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
});

test('"Terminer" during an accompaniment closes it with a ticket and the slip, never silently', async ({ page }) => {
  await toTheSmsStep(page);
  await page.getByRole('button', { name: 'Terminer', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Terminer ?' }).getByRole('button', { name: 'Oui, terminer' }).click();
  const handoff = page.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(handoff).toBeVisible();
  await expect(handoff.locator('.ticket-code')).toHaveText(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  await expect(handoff).toContainText('Recevoir votre code provisoire');
  await handoff.getByRole('button', { name: "Terminer l'accompagnement" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  const ends = journal().filter((r) => r.event === 'accompaniment.end');
  expect(ends.at(-1)?.detail).toBe('stopped');
  // The two closings are told apart, and none was silent: each open accompaniment has a ticket.
  expect(ends.map((r) => r.detail)).toEqual(expect.arrayContaining(['idle', 'stopped']));
  for (const end of ends.slice(-2))
    expect(journal().some((r) => r.event === 'ticket.created' && r.accompaniment === end.accompaniment)).toBe(true);
});

test('a crash mid-way closes the accompaniment with a ticket, and the page that comes back shows it once as a slip', async ({ page }) => {
  await toTheSmsStep(page);
  // What the app does when its page crashes (the error boundary, or the supervisor after a killed renderer): it
  // ends the visit as a crash, then reloads.
  await page.evaluate(async () => {
    await fetch('/api/call/kiosk.endVisit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"reason":"crash"}',
    });
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  const slip = page.getByRole('region', { name: 'Votre démarche accompagnée a été coupée' });
  await expect(slip).toContainText('Activer Mon espace santé');
  await expect(slip.locator('.ticket-code')).toHaveText(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  expect(await axeViolations(page)).toEqual([]);
  const rows = journal();
  const end = rows.filter((r) => r.event === 'accompaniment.end').at(-1);
  expect(end?.detail).toBe('crash');
  expect(rows.some((r) => r.event === 'ticket.created' && r.accompaniment === end?.accompaniment)).toBe(true);
  // Once: the next page load is the next visitor's.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(slip).toHaveCount(0);
});
