// Two people, two languages: an Arabic-reading visitor and a French-speaking mediator. The visitor's screen is in
// Arabic; the mediator's bar, panel (its notes, written once in French), controls and choices stay in French, marked
// as French for screen readers; the hand-off's slip gives each line in Arabic with the French beside it, and the
// printed hand-off (Chromium's own print to PDF, read back with pdftotext) carries both languages for the next desk.
import { execFileSync } from 'node:child_process';
import { axeViolations } from './axe';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { seedMediators, startMesInArabic, unlockMediator } from './mediator-seed';

const host = useOwnHost('passerelle-languages-');

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto(host().url);
  await seedMediators(page, 'la borne de la maison france services', setupCodeOf(host()), [
    { displayName: 'Amina', role: 'volunteer', pin: '24681357' },
  ]);
  await page.close();
});

test('an Arabic visitor with a French mediator: each reads their own language, the slip carries both', async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('radio', { name: 'العربية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا' })).toBeVisible();
  await unlockMediator(page, 'Amina', '24681357');
  const bar = page.getByRole('region', { name: 'Mode accompagné' });
  await expect(bar).toContainText('Avec Amina, bénévole en médiation numérique');
  await expect(bar).toHaveAttribute('lang', 'fr');

  await startMesInArabic(page);

  // The mediator's panel: French notes from the French journey (the Arabic file has none), marked French.
  const panel = page.getByRole('complementary', { name: "Notes pour l'accompagnement" });
  await expect(panel).toContainText("Montrez l'adresse du site à la personne.");
  await expect(panel).toHaveAttribute('lang', 'fr');
  // The mediator's controls in French, the visitor's own answer in Arabic.
  await expect(page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'تمّ، قمت به أنا' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Ça bloque' }).click();
  await page.getByRole('radio', { name: "Le SMS n'arrive pas" }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('button', { name: 'Arrêter ici' }).click();

  const slip = page.locator('.resume-slip');
  await expect(slip).toContainText('لماذا توقفنا: الرسالة النصية لم تصل.');
  await expect(slip).toContainText("Pourquoi on s'est arrêté : le SMS n'est pas arrivé.");
  await expect(slip).toContainText('Une question sur Mon espace santé : appelez le 3422');
  await expect(slip.locator('.staff-copy').first()).toHaveAttribute('lang', 'fr');
  expect(await axeViolations(page)).toEqual([]);
});

test('the printed hand-off of an Arabic visitor holds the Arabic and, for the next desk, the French', async ({ page }, testInfo) => {
  await page.goto(host().url);
  await page.getByRole('radio', { name: 'العربية' }).click();
  await unlockMediator(page, 'Amina', '24681357');
  await startMesInArabic(page);
  await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await page.getByRole('button', { name: 'Ça bloque' }).click();
  await page.getByRole('radio', { name: "Le SMS n'arrive pas" }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('button', { name: 'Arrêter ici' }).click();
  const handoff = page.getByRole('region', { name: 'ملخّص إجرائك' });
  const french = handoff.getByRole('region', { name: 'En français, pour le prochain accueil' });
  await expect(french).toHaveAttribute('lang', 'fr');
  await expect(french).toHaveAttribute('dir', 'ltr');
  await expect(handoff.locator('.ticket-code')).toHaveText(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);

  // The sheet as the printer gets it: the page's print styles, through Chromium's print pipeline.
  const file = testInfo.outputPath('handoff.pdf');
  await page.pdf({ path: file, format: 'A4' });
  // Arabic comes out of a PDF in presentation forms, cut by spaces and wrapped in direction marks: NFKC gives the
  // letters back, and the Arabic is compared without spaces or marks.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ');
  const bare = (line: string) => line.normalize('NFKC').replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  // The visitor's part, in Arabic: the steps left and what happened.
  expect(bare(text)).toContain(bare('اكتب رقم الضمان الاجتماعي'));
  expect(bare(text)).toContain(bare('افتح الموقع'));
  // Roles in neutral words: "the person who helps you", never the masculine noun for a mediator.
  expect(bare(text)).toContain(bare('الشخص الذي يساعدك'));
  expect(bare(text)).toContain(bare('الوساطة الرقمية'));
  expect(bare(text)).not.toContain('وسيط');
  // The French copy: the journey, the steps left, what happened, who helped, with the French step titles.
  expect(text).toContain('En français, pour le prochain accueil');
  expect(text).toContain('Activer Mon espace santé');
  expect(text).toContain('Il reste ces étapes :');
  expect(text).toContain('Ouvrir le site');
  expect(text).toContain("Ce qui s'est passé");
  expect(text).toMatch(/Fait\. Fait par : la personne qui vous aide\. Heure : \d{2}:\d{2}/);
  expect(text).toContain('Aide reçue : bénévole en médiation numérique.');
  // And the slip's lines, both ways.
  expect(text).toContain("Pourquoi on s'est arrêté : le SMS n'est pas arrivé.");
  expect(text).not.toContain('Amina');
  expect(await axeViolations(page)).toEqual([]);
});
