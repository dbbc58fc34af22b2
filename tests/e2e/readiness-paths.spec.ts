// A readiness "no" never skips a step: it inserts the helper step that solves it and the journey comes back to its
// path, it chooses the other path (counted on its own), or it adds something to bring with "continue anyway" when
// the journey can go on without it. A visitor alone, through the real web host and Chromium.
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

async function openJourney(page: Page, url: string, need: string, journey: RegExp) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await page.getByRole('button', { name: need }).click();
  await page.getByRole('button', { name: journey }).first().click();
  await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
}

/** Answers the questions in order: "Non" where `no` matches the question, "Oui" otherwise. */
async function answer(page: Page, no: RegExp | null) {
  const lead = page.locator('.lead').last();
  const yes = page.getByRole('button', { name: 'Oui', exact: true });
  for (let i = 0; i < 10 && (await yes.isVisible()); i++) {
    const asked = (await lead.textContent()) ?? '';
    await page.getByRole('button', { name: no?.test(asked) ? 'Non' : 'Oui', exact: true }).click();
    await expect.poll(async () => (await lead.textContent()) !== asked || !(await yes.isVisible())).toBe(true);
  }
}

const heading = (page: Page) => page.locator('#step-heading');
const counter = (page: Page) => page.locator('.step-counter');

test('a doctor already found: the helper step "Trouver un médecin" is not on the path, which counts 3 steps', async ({ page, host }) => {
  await openJourney(page, host.url, 'Trouver un médecin', /Déclarer votre médecin traitant/);
  await answer(page, null);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(heading(page)).toHaveText("Demander au médecin s'il accepte");
  await expect(counter(page)).toHaveText('Étape 1 sur 3');
});

test('no doctor yet: "Trouver un médecin" is inserted first, then the journey comes back to its own steps', async ({ page, host }) => {
  await openJourney(page, host.url, 'Trouver un médecin', /Déclarer votre médecin traitant/);
  await answer(page, /trouvé un médecin/);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(heading(page)).toHaveText('Trouver un médecin');
  await expect(counter(page)).toHaveText('Étape 1 sur 4');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  await expect(heading(page)).toHaveText("Demander au médecin s'il accepte");
  await expect(counter(page)).toHaveText('Étape 2 sur 4');
  await page.getByRole('button', { name: 'Étape précédente' }).click();
  await expect(heading(page)).toHaveText('Trouver un médecin');
});

test('no carte Vitale today: it is needed later, not to go on, so "Continuer quand même" starts the journey', async ({ page, host }) => {
  await openJourney(page, host.url, 'Trouver un médecin', /Déclarer votre médecin traitant/);
  await answer(page, /carte Vitale/);
  await expect(page.getByRole('heading', { name: 'Vous en aurez besoin plus tard :' })).toBeVisible();
  await expect(page.getByText('Votre carte Vitale, pour le rendez-vous chez le médecin.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Continuer quand même' }).click();
  await expect(heading(page)).toHaveText("Demander au médecin s'il accepte");
});

test('no France Identité: the journey takes the other path from its first step, counted on its own', async ({ page, host }) => {
  await openJourney(page, host.url, 'Ma carte Vitale', /Activer l'application carte Vitale/);
  await answer(page, /France Identité/);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(heading(page)).toHaveText("Installer l'application carte Vitale");
  await expect(counter(page)).toHaveText('Étape 1 sur 7');
  // The first step of its path: no way back into the other path.
  await expect(page.getByRole('button', { name: 'Étape précédente' })).toHaveCount(0);
});
