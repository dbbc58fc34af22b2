// Two people, two languages: an Arabic-reading visitor and a French-speaking mediator. The visitor's screen is in
// Arabic; the mediator's bar, panel (its notes, written once in French), controls and choices stay in French, marked
// as French for screen readers; the hand-off's slip gives each line in Arabic with the French beside it.
import { axeViolations } from './axe';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { seedMediators, unlockMediator } from './mediator-seed';

const host = useOwnHost('passerelle-languages-');

test('an Arabic visitor with a French mediator: each reads their own language, the slip carries both', async ({ page }) => {
  await page.goto(host().url);
  await seedMediators(page, 'la borne de la maison france services', setupCodeOf(host()), [
    { displayName: 'Amina', role: 'volunteer', pin: '24681357' },
  ]);
  await page.goto(host().url);
  await page.getByRole('radio', { name: 'العربية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا' })).toBeVisible();
  await unlockMediator(page, 'Amina', '24681357');
  const bar = page.getByRole('region', { name: 'Mode accompagné' });
  await expect(bar).toContainText('Avec Amina, bénévole en médiation numérique');
  await expect(bar).toHaveAttribute('lang', 'fr');

  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  await page
    .getByRole('button', { name: /تفعيل Mon espace santé/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'موافق، لنبدأ' }).click();
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'نعم', exact: true }).click();
  await page.getByRole('button', { name: 'ابدأ', exact: true }).click();
  await expect(page.locator('#step-heading')).toHaveText('افتح الموقع');

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
