// Content through the real web host: need pages, topics with glossary words, search as you type, a journey.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

/** Opens the ameli account journey and answers "Non" to each readiness question. */
async function answerNoToEveryReadinessQuestion(page: Page) {
  await page.getByRole('button', { name: 'Mon compte ameli' }).click();
  await page.getByRole('button', { name: /Créer/ }).first().click();
  // The journey loads from the API: wait for its first question before answering.
  await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
  const no = page.getByRole('button', { name: 'Non', exact: true });
  for (let i = 0; i < 10 && (await no.isVisible()); i++) await no.click();
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
}

test('a need lists its pages; a topic shows its text and sources, and no check date nobody made', async ({ page, host }) => {
  await open(page, host.url);
  await page.getByRole('button', { name: 'Trouver un médecin' }).click();
  await page
    .getByRole('button', { name: /Le médecin traitant|médecin traitant/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('Cette page vous informe. Elle ne remplace pas un professionnel de santé.')).toBeVisible();
  await expect(page.getByRole('heading', { name: "D'où viennent ces informations" })).toBeVisible();
  await expect(page.getByText(/Vérifié le/)).toHaveCount(0);
  await expect(page.getByText(/informations sont peut-être anciennes/)).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('a page past its review date tells the visitor its facts may be old', async ({ page, host }) => {
  const medecinTraitant = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'fr', 'fiches', 'medecin-traitant.md'), 'utf8');
  const reviewBy = /^review_by: (\S+)$/m.exec(medecinTraitant)?.[1] ?? '';
  // The kiosk's clock, one day after the page's review date.
  await page.clock.setFixedTime(new Date(`${reviewBy}T12:00:00Z`).getTime() + 86_400_000);
  await open(page, host.url);
  await page.getByRole('button', { name: 'Trouver un médecin' }).click();
  await page
    .getByRole('button', { name: /Le médecin traitant|médecin traitant/ })
    .first()
    .click();
  await expect(
    page.getByText("Ces informations sont peut-être anciennes. Regardez le site officiel, ou demandez à l'accueil."),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a glossary word opens its definition, which Escape closes', async ({ page, host }) => {
  await open(page, host.url);
  await page.getByRole('button', { name: 'Payer moins mes soins' }).click();
  await page
    .getByRole('button', { name: /Complémentaire santé solidaire/ })
    .first()
    .click();
  const term = page.getByRole('button', { name: /^Explication du mot/ }).first();
  await term.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(term).toBeFocused();
});

test('search answers as the visitor types, without accents, and opens a result', async ({ page, host }) => {
  await open(page, host.url);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const field = page.getByRole('searchbox', { name: 'Tapez un mot' });
  await field.pressSequentially('mutuel');
  const results = page.getByRole('list', { name: 'Résultats' });
  await expect(results.getByRole('button').first()).toContainText('Complémentaire santé solidaire');
  await field.fill('medecin de famille');
  await expect(results.getByRole('button').first()).toContainText('médecin traitant');
  expect(await axeViolations(page)).toEqual([]);
  await results.getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('médecin traitant');
});

test('a journey asks the readiness questions, then shows one step at a time', async ({ page, host }) => {
  await open(page, host.url);
  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  await page
    .getByRole('button', { name: /Activer Mon espace santé/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
  for (let i = 0; i < 10 && (await page.getByRole('button', { name: 'Oui', exact: true }).isVisible()); i++) {
    await page.getByRole('button', { name: 'Oui', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByText(/^Étape 1 sur \d+$/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  await expect(page.getByText(/^Étape 2 sur \d+$/)).toBeVisible();
  await expect(page.locator('.journey-focus')).toBeFocused();
  for (let i = 0; i < 30 && (await page.getByRole('button', { name: 'Étape suivante' }).isVisible()); i++) {
    if (await page.getByText('Ici, vous tapez un code secret.', { exact: false }).isVisible()) break;
    await page.getByRole('button', { name: 'Étape suivante' }).click();
  }
  await expect(page.getByText('Ici, vous tapez un code secret. Tapez-le vous-même. Ne le montrez à personne.')).toBeVisible();
});

test('a "no" in the readiness check ends with what to come back with and the way without internet', async ({ page, host }) => {
  await open(page, host.url);
  await answerNoToEveryReadinessQuestion(page);
  await expect(page.getByRole('heading', { name: 'Revenez avec :' })).toBeVisible();
  await expect(page.locator('.offline-card')).toContainText('3646');
});

for (const language of [
  { code: 'en', name: 'English', need: 'Find a doctor' },
  { code: 'ar', name: 'العربية', need: 'إيجاد طبيب' },
]) {
  test(`content screens in ${language.code} have no axe violation`, async ({ page, host }) => {
    await open(page, host.url);
    await page.getByRole('radio', { name: language.name }).click();
    await page.getByRole('button', { name: language.need }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('main').getByRole('listitem').getByRole('button').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('"Besoin d\'aide ?" lists the help places with their phone and readable opening hours', async ({ page, host }) => {
  await open(page, host.url);
  await page.getByRole('button', { name: "Besoin d'aide ?" }).click();
  const places = page.getByRole('region', { name: "Où trouver de l'aide" });
  await expect(places.getByRole('heading', { name: 'Tabac info service', exact: false })).toBeVisible();
  await expect(places.getByRole('heading', { name: /SAMU/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('the "come back with" slip and the way without internet print on their own', async ({ page, host }) => {
  await open(page, host.url);
  await answerNoToEveryReadinessQuestion(page);
  await expect(page.getByRole('heading', { name: 'Revenez avec :' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer cette carte' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Revenez avec :' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Terminer' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer cette carte' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
});

test('every journey offers the way without internet from its start', async ({ page, host }) => {
  await open(page, host.url);
  await page.getByRole('button', { name: 'Ma carte Vitale' }).click();
  await page
    .getByRole('button', { name: /application carte Vitale|appli/i })
    .last()
    .click();
  await page.getByRole('button', { name: 'Faire sans internet' }).click();
  await expect(page.locator('.offline-card')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer cette carte' })).toBeVisible();
});

test('the help screen opens the private pages (violence, addiction, sexual health) without typing a search', async ({ page, host }) => {
  await open(page, host.url);
  await page.getByRole('button', { name: "Besoin d'aide ?" }).click();
  const privateTopics = page.getByRole('region', { name: 'Violences, addictions, santé sexuelle, urgences' });
  await expect(privateTopics).toContainText('Ces pages restent privées.');
  expect(await axeViolations(page)).toEqual([]);
  await privateTopics.getByRole('button', { name: /Violences : trouver de l'aide/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Violences : trouver de l'aide" })).toBeFocused();
});
