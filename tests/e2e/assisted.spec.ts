// Assisted mode from end to end, through the real web host and Chromium: the admin creates mediators, a mediator
// unlocks, the visitor consents, answers the readiness questions and goes through every step of the Mon espace
// santé journey (secret steps hide the mediator's panel, one step is blocked with a reason), the hand-off page prints
// and carries a resume ticket; a second visit, with another mediator, resumes from that ticket. The admin's activity
// view then counts both accompaniments and where the visitor got stuck. Its own host: it sets a passphrase.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { answerReadiness, openMesWithMediator } from './mediator-seed';

const passphrase = 'la borne du centre social';
let ticket = '';

test.describe.configure({ mode: 'serial' });
const host = useOwnHost('passerelle-assisted-');

async function home(page: Page) {
  await page.goto(host().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
}

async function openAdmin(page: Page, heading: string) {
  await home(page);
  await expect(async () => {
    await page.keyboard.press('Control+Alt+Shift+KeyA');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 1000 });
  }).toPass();
}

async function unlock(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name: 'Espace médiateur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ouvrir le mode accompagné' });
  await dialog.getByRole('radio', { name }).click();
  await dialog.getByLabel('Votre code à chiffres').fill(pin);
  await dialog.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(dialog).toBeHidden();
}

test('the admin creates two mediator accounts; a wrong PIN is refused with the tries left', async ({ page }) => {
  await openAdmin(page, 'Choisir la phrase secrète');
  await page.getByLabel('Code à usage unique').fill(setupCodeOf(host()));
  await page.getByLabel('Phrase secrète', { exact: true }).fill(passphrase);
  await page.getByLabel('La même phrase, encore une fois').fill(passphrase);
  await page.getByRole('button', { name: 'Enregistrer la phrase secrète' }).click();
  const section = page.getByRole('region', { name: 'Médiateurs' });
  await expect(section.getByText("Aucun médiateur pour l'instant.")).toBeVisible();
  for (const [name, role, pin] of [
    ['Sophie', 'médiateur bénévole', '24681357'],
    ['Karim', 'médiateur professionnel', '13572468'],
  ] as const) {
    const form = page.getByRole('form', { name: 'Ajouter un médiateur' });
    await form.getByLabel('Nom affiché (le prénom suffit)').fill(name);
    await form.getByRole('radio', { name: role }).click();
    await form.getByLabel('Code (6 à 8 chiffres)').fill(pin);
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await expect(section.getByRole('status')).toHaveText(`Le compte de ${name} est créé.`);
  }
  await expect(section.getByText('Karim', { exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: "Quitter l'administration" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();

  await page.getByRole('button', { name: 'Espace médiateur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ouvrir le mode accompagné' });
  await dialog.getByRole('radio', { name: 'Sophie' }).click();
  // The PIN field takes digits only, typed here on the on-screen digits keyboard.
  await dialog.getByLabel('Votre code à chiffres').click();
  for (const digit of '111111')
    await dialog
      .getByRole('group', { name: /clavier/i })
      .getByRole('button', { name: digit, exact: true })
      .click();
  await expect(dialog.getByLabel('Votre code à chiffres')).toHaveValue('111111');
  await dialog.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Code incorrect. Essais restants : 4.');
  expect(await axeViolations(page)).toEqual([]);
});

test('a full accompaniment: consent, readiness, every step with secret steps and a blocked one, print view, ticket', async ({ page }) => {
  // This visit plays a host that prints silently (Electron): the web host writes its settings into the page, and the
  // page played here says the host prints. (The browser kiosk's own printing is proven in print-queue.spec.ts.)
  await page.route(
    (url) => !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/assets/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text()).replace('"silentPrint":false', '"silentPrint":true');
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-length': String(Buffer.byteLength(body)) } });
    },
  );
  await home(page);
  await unlock(page, 'Sophie', '24681357');
  await expect(page.getByRole('region', { name: 'Mode accompagné' })).toContainText('Avec Sophie, bénévole en médiation numérique');
  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  await page
    .getByRole('button', { name: /Activer Mon espace santé/ })
    .first()
    .click();

  // The consent card comes first, can be read aloud like every page, and says what the mediator will not do.
  const consent = page.getByRole('region', { name: 'Avant de commencer' });
  await expect(consent).toContainText('Sophie ne garde pas vos informations.');
  await expect(consent).toContainText('Vous tapez vous-même vos codes. Sophie ne les tape pas.');
  await expect(page.getByRole('button', { name: 'Écouter la page' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await consent.getByRole('button', { name: "D'accord, on commence" }).click();

  // Readiness: yes to every question.
  await expect(page.getByRole('button', { name: 'Oui', exact: true })).toBeVisible();
  const start = page.getByRole('button', { name: 'Commencer' });
  const question = page.locator('.lead').last();
  for (let i = 0; i < 10 && !(await start.isVisible()); i++) {
    const asked = await question.textContent();
    await page.getByRole('button', { name: 'Oui', exact: true }).click();
    await expect.poll(async () => (await start.isVisible()) || (await question.textContent()) !== asked).toBe(true);
  }
  await start.click();

  const seen: string[] = [];
  const panel = page.getByRole('complementary', { name: "Notes pour l'accompagnement" });
  for (let i = 0; i < 20; i++) {
    const heading = page.locator('#step-heading');
    if (!(await heading.isVisible())) break;
    await expect(heading).toBeFocused();
    const title = (await heading.textContent()) ?? '';
    seen.push(title);
    const secret = (await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).count()) === 0;
    if (secret) {
      // A secret step: the panel says not to look at the screen (its fixes stay); only the visitor can end the step.
      await expect(panel).toContainText("Étape secrète : ne regardez pas l'écran quand la personne tape.");
      await expect(page.getByRole('status').filter({ hasText: 'Étape secrète' })).toBeVisible();
    } else {
      await expect(panel.getByRole('button', { name: 'Cacher les notes' })).toBeVisible();
    }
    if (title === 'Ouvrir le site') {
      await expect(panel).toContainText("Montrez l'adresse du site à la personne.");
      await expect(panel).toContainText('Une publicité ou un autre site s');
      // The panel opens and closes.
      await panel.getByRole('button', { name: 'Cacher les notes' }).click();
      await expect(panel.getByText("Montrez l'adresse du site à la personne.")).toBeHidden();
      await panel.getByRole('button', { name: 'Voir les notes' }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
    } else if (title === 'Taper le code provisoire') {
      await page.getByRole('button', { name: 'Ça bloque' }).click();
      await expect(page.getByRole('heading', { name: 'Pourquoi ça bloque ?' })).toBeFocused();
      await page.getByRole('button', { name: 'Valider' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Choisissez une raison.' })).toBeVisible();
      await page.getByRole('radio', { name: "Le SMS n'arrive pas" }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Valider' }).click();
      await expect(page.getByText("C'est noté. Que voulez-vous faire ?")).toBeFocused();
      await page.getByRole('button', { name: 'Continuer quand même' }).click();
    } else {
      await page.getByRole('button', { name: "C'est fait, par moi" }).click();
    }
    // The next step (or the hand-off) replaces this one.
    await expect.poll(() => heading.allTextContents(), { message: `still on ${title}` }).not.toEqual([title]);
  }
  expect(seen).toEqual([
    'Ouvrir le site',
    'Taper votre numéro de sécurité sociale',
    'Votre carte Vitale et son numéro de série',
    'Recevoir votre code provisoire',
    'Taper le code provisoire',
    'Taper votre date de naissance',
    'Choisir votre identifiant et votre mot de passe',
    'Le code reçu à chaque connexion',
    "C'est fini",
  ]);

  // The hand-off: next steps from the blocked step, a ticket, the help number, advice, the receipt. No name.
  const handoff = page.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(handoff.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(handoff.locator('.ticket-code')).toHaveText(/^([ACDEFGHJKMNPQRTUVWXY34679]{4}-){5}[ACDEFGHJKMNPQRTUVWXY34679]{4}$/);
  ticket = (await handoff.locator('.ticket-code').textContent()) ?? '';
  await expect(handoff.getByRole('listitem').filter({ hasText: 'Taper le code provisoire' }).first()).toBeVisible();
  await expect(handoff).toContainText('Aide reçue : bénévole en médiation numérique.');
  // A blocked step was done by nobody: its line says only that it is blocked.
  await expect(handoff.locator('ol.receipt li').filter({ hasText: 'Bloqué' })).not.toContainText('Fait par');
  await expect(handoff).toContainText('Fait. Fait par : la personne qui vous aide.');
  await expect(handoff).toContainText("L'Assurance Maladie ne demande jamais vos codes");
  await expect(handoff.getByRole('img', { name: 'Code QR avec la suite de votre démarche' })).toBeVisible();
  expect(await handoff.textContent()).not.toContain('Sophie');
  expect(await axeViolations(page)).toEqual([]);

  // Printing: the app's print button, and a print view that holds the hand-off only.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  // A host whose printer fails says so; once it prints, the page says when. The host prints: the page never opens
  // the browser's own printing.
  await page.route('**/api/call/kiosk.print', (route) => route.fulfill({ json: { ok: false, error: 'print.failed' } }));
  await handoff.getByRole('button', { name: 'Imprimer le résumé' }).click();
  await expect(handoff.getByRole('alert').filter({ hasText: "L'impression n'a pas marché." })).toBeVisible();
  await page.unroute('**/api/call/kiosk.print');
  await page.route('**/api/call/kiosk.print', (route) => route.fulfill({ json: { ok: true, value: { printed: true } } }));
  await handoff.getByRole('button', { name: 'Imprimer le résumé' }).click();
  await expect(handoff.getByRole('status').filter({ hasText: /^Imprimé à/ })).toBeVisible();
  await page.unroute('**/api/call/kiosk.print');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
  await page.emulateMedia({ media: 'print' });
  await expect(handoff.locator('.ticket-code')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mode accompagné' })).toBeHidden();
  await expect(handoff.getByRole('button', { name: 'Imprimer le résumé' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await handoff.getByRole('button', { name: "Terminer l'accompagnement" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
});

test('another visit, another mediator: the ticket resumes the journey at the blocked step, and is used up', async ({ page }) => {
  expect(ticket).not.toBe('');
  await home(page);
  await unlock(page, 'Karim', '13572468');
  await page.getByRole('button', { name: 'Reprendre avec un ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reprendre une démarche' });
  await dialog.getByLabel('Code du ticket').fill('ABCD-EFGH');
  await dialog.getByRole('button', { name: 'Reprendre' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await dialog.getByLabel('Code du ticket').fill(ticket.toLowerCase().replace('-', ' '));
  await dialog.getByRole('button', { name: 'Reprendre' }).click();

  const consent = page.getByRole('region', { name: 'Avant de commencer' });
  await expect(consent).toContainText('Vous reprenez votre démarche.');
  await expect(consent).toContainText("Karim est membre de l'équipe de médiation numérique.");
  await consent.getByRole('button', { name: "D'accord, on commence" }).click();
  await expect(page.locator('#step-heading')).toHaveText('Taper le code provisoire');
  while (await page.locator('#step-heading').isVisible()) {
    const title = (await page.locator('#step-heading').textContent()) ?? '';
    await page.getByRole('button', { name: "C'est fait, par moi" }).click();
    await expect.poll(() => page.locator('#step-heading').allTextContents()).not.toEqual([title]);
  }
  const handoff = page.getByRole('region', { name: 'Résumé de votre démarche' });
  await expect(handoff).toContainText('Votre démarche est finie.');
  await expect(handoff.locator('.ticket-code')).toHaveCount(0);
  // Karim sends the visitor to the Assurance Maladie for what is left: La Coop's "Structure de redirection".
  await handoff.getByRole('radio', { name: 'Opérateur ou organisme en charge de la démarche administrative' }).click();
  await handoff.getByRole('button', { name: "Terminer l'accompagnement" }).click();

  // The ticket served once.
  await page.getByRole('button', { name: 'Reprendre avec un ticket' }).click();
  await dialog.getByLabel('Code du ticket').fill(ticket);
  await dialog.getByRole('button', { name: 'Reprendre' }).click();
  await expect(dialog.getByRole('alert')).toHaveText("Ce ticket n'existe pas. Il a peut-être déjà servi.");
});

test('where the host can show the official site beside the guide, the step offers it and the slot is kept for it', async ({ page }) => {
  // The browser host has no pane (Electron has): this test plays the Electron host's two answers, and checks what
  // the renderer asks of it: the allowlisted address, the slot's rectangle, and closing it when the journey ends.
  const opened: { url: string; bounds: { width: number; height: number } }[] = [];
  let closed = 0;
  // The web host writes its settings into the page (no official origin): the page played here names one.
  await page.route(
    (url) => !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/assets/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text()).replace('"officialOrigins":[]', '"officialOrigins":["https://www.monespacesante.fr"]');
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-length': String(Buffer.byteLength(body)) } });
    },
  );
  await page.route('**/api/call/kiosk.officialOpen', async (route) => {
    opened.push(route.request().postDataJSON() as (typeof opened)[number]);
    await route.fulfill({ json: { ok: true, value: { opened: true } } });
  });
  await page.route('**/api/call/kiosk.officialClose', async (route) => {
    closed += 1;
    await route.fulfill({ json: { ok: true, value: { closed: true } } });
  });
  await home(page);
  await unlock(page, 'Karim', '13572468');
  await openMesWithMediator(page);
  // Every answer "yes": the journey starts at its first step, which opens the official site.
  await answerReadiness(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('button', { name: 'Ouvrir le site officiel à côté' }).click();
  const pane = page.getByRole('region', { name: 'Le site officiel' });
  await expect(pane).toBeVisible();
  await expect.poll(() => opened.length).toBeGreaterThan(0);
  expect(opened[0]?.url).toBe('https://www.monespacesante.fr/');
  const slot = await pane.locator('.official-pane-slot').boundingBox();
  expect(opened.at(-1)?.bounds.width).toBeCloseTo(slot?.width ?? 0, 0);
  expect(opened.at(-1)?.bounds.height).toBeGreaterThan(200);
  expect(await axeViolations(page)).toEqual([]);
  await pane.getByRole('button', { name: 'Fermer le site officiel' }).click();
  await expect(pane).toBeHidden();
  await expect.poll(() => closed).toBe(1);
  await expect(page.getByRole('button', { name: 'Ouvrir le site officiel à côté' })).toBeVisible();
});

test('the admin sees the accompaniments with titles and durations, where the visitor got stuck, the La Coop lines (one per accompaniment, resumed or not) by mediator and day, and the CSV', async ({
  page,
}) => {
  await openAdmin(page, 'Entrer la phrase secrète');
  await page.getByLabel('Phrase secrète').fill(passphrase);
  await page.getByRole('button', { name: 'Ouvrir' }).click();
  const activity = page.getByRole('region', { name: 'Activité des accompagnements' });
  await expect(activity.getByRole('region', { name: 'Par résultat' })).toContainText('Bloquée');
  await expect(activity.getByRole('region', { name: 'Par résultat' })).toContainText('Démarche finie');
  await expect(activity.getByRole('region', { name: 'Par résultat' })).toContainText('Arrêtée par la personne');
  await expect(activity.getByRole('region', { name: 'Par démarche' })).toContainText('3 accompagnements');
  // Titles, not slugs, and real durations, not "0 min".
  await expect(activity.getByRole('region', { name: 'Par démarche' })).toContainText('Activer Mon espace santé');
  await expect(activity.getByRole('region', { name: 'Par démarche' })).not.toContainText(/(^|\D)0 min/);
  await expect(activity.getByRole('region', { name: 'Où les personnes bloquent' })).toContainText(
    'Activer Mon espace santé · Taper le code provisoire · SMS non reçu',
  );
  // The lines to copy into La Coop: Sophie's accompaniment and Karim's resume of it are one line, with Karim's
  // referral; the third one (stopped) is its own line. Karim's own lines: the resumed one only.
  const lines = activity.getByRole('region', { name: 'Lignes à recopier dans La Coop' });
  await expect(lines.getByRole('row')).toHaveCount(3);
  await expect(lines.getByRole('row').nth(1)).toContainText('Accompagnement individuel');
  await expect(lines).toContainText('Opérateur ou organisme en charge de la démarche administrative');
  await activity.getByLabel('Médiateur').selectOption({ label: 'Karim' });
  await expect(lines.getByRole('row')).toHaveCount(3);
  await activity.getByRole('button', { name: 'Aujourd’hui' }).click();
  await expect(lines.getByRole('row')).toHaveCount(3);
  await activity.getByLabel('Médiateur').selectOption({ label: 'Tous les médiateurs' });
  await activity.getByRole('button', { name: 'Toute la période' }).click();
  // A locked-down kiosk refuses downloads: the file can be saved on the kiosk, in the data folder's exports.
  await activity.getByRole('button', { name: 'Enregistrer le fichier sur la borne' }).click();
  await expect(activity.getByRole('status').filter({ hasText: 'enregistré dans' })).toContainText(join(host().dataDir, 'exports'));
  const saved = readdirSync(join(host().dataDir, 'exports'));
  expect(saved).toHaveLength(1);
  // The header, the two lines, which line gave or continued which ticket (for figures-merge), and the journal's head
  // (the admin's anchor for `journal verify`).
  const savedRows = readFileSync(join(host().dataDir, 'exports', saved[0] ?? ''), 'utf8')
    .trim()
    .split(/\r?\n/);
  const ticketLines = /^Tickets de reprise;ligne \d;/;
  expect(savedRows.filter((row) => !ticketLines.test(row))).toHaveLength(4);
  expect(savedRows).toContainEqual(expect.stringMatching(/^Tickets de reprise;ligne \d;reprend ([0-9a-f]{16});donne \1/));
  expect(savedRows.at(-1)).toMatch(/^Tête du journal;ligne \d+;/);
  await activity.getByRole('button', { name: 'Préparer le fichier CSV' }).click();
  const downloading = page.waitForEvent('download');
  await activity.getByRole('link', { name: 'Télécharger le fichier CSV' }).click();
  const csv = await (await downloading).createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    return text;
  });
  const rows = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .filter((row) => !ticketLines.test(row));
  expect(rows).toHaveLength(4);
  expect(rows[0]).toMatch(/^Date;Type;Canaux d'accompagnement;Nom du lieu;/);
  expect(rows.slice(1).join('\n')).toContain(';Activer Mon espace santé;');
  expect(rows.at(-1)).toMatch(/^Tête du journal;ligne \d+;/);
  expect(rows.slice(1).some((row) => row.endsWith(';Oui;Opérateur ou organisme en charge de la démarche administrative'))).toBe(true);
  expect(csv).not.toContain('activer-mon-espace-sante');
  expect(await axeViolations(page)).toEqual([]);
});
