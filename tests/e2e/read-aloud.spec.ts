// Reading aloud: every page, journey step and dialog, block by block, the block being read highlighted.
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { finishBlock, highlighted, installSpeechStandIn, spokenTexts } from './speech';

async function openTopic(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await page.getByRole('button', { name: 'Payer moins mes soins' }).click();
  await page
    .getByRole('button', { name: /Complémentaire santé solidaire/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}

test('a page is read block by block, in order, the block being read highlighted; pause, resume and stop work', async ({ page, host }) => {
  await installSpeechStandIn(page);
  await openTopic(page, host.url);
  const title = await page.getByRole('heading', { level: 1 }).innerText();
  const lead = await page.locator('.lead').innerText();
  await page.getByRole('button', { name: 'Écouter la page' }).click();

  await expect.poll(() => highlighted(page)).toBe(title);
  expect(await spokenTexts(page)).toEqual([title]);
  await finishBlock(page);
  await expect.poll(() => highlighted(page)).toBe(lead);
  // The read-aloud controls are not read.
  expect(await spokenTexts(page)).not.toContain('Écouter la page');

  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await page.evaluate(() => (window as unknown as { speech: { paused: boolean } }).speech.paused)).toBe(true);
  await page.getByRole('button', { name: 'Reprendre' }).click();
  expect(await page.evaluate(() => (window as unknown as { speech: { paused: boolean } }).speech.paused)).toBe(false);
  await page.getByRole('button', { name: 'Arrêter' }).click();
  await expect.poll(() => highlighted(page)).toBeNull();
  await expect(page.getByRole('button', { name: 'Écouter la page' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('reading goes to the end of the page by itself; a glossary word is read within its sentence, not on its own', async ({
  page,
  host,
}) => {
  await installSpeechStandIn(page);
  await openTopic(page, host.url);
  await page.getByRole('button', { name: 'Écouter la page' }).click();
  for (let i = 0; i < 200 && (await page.getByRole('button', { name: 'Arrêter' }).isVisible()); i++) await finishBlock(page);
  await expect(page.getByRole('button', { name: 'Écouter la page' })).toBeVisible();
  const spoken = await spokenTexts(page);
  // The last thing on the page (no check date is shown when nobody checked: the last source is).
  const lastSource = (await page.locator('main .sources li').last().innerText()).trim();
  expect(spoken.at(-1)).toBe(lastSource);
  expect(new Set(spoken).size).toBeGreaterThan(5);
  const words = await page.locator('main .glossary-term').allInnerTexts();
  expect(words.length).toBeGreaterThan(0);
  for (const word of words) {
    expect(spoken).not.toContain(word.trim());
    expect(spoken.some((text) => text.includes(word.trim()))).toBe(true);
  }
  await expect.poll(() => highlighted(page)).toBeNull();
});

test('a journey step is read aloud, and reading stops when the visitor goes to the next step', async ({ page, host }) => {
  await installSpeechStandIn(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Mon compte ameli' }).click();
  await page.getByRole('button', { name: /Créer/ }).first().click();
  const question = page.locator('section .lead');
  await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
  await page.getByRole('button', { name: 'Écouter la page' }).click();
  await finishBlock(page);
  await finishBlock(page);
  await finishBlock(page);
  expect(await spokenTexts(page)).toContain(await question.innerText());
  await page.getByRole('button', { name: 'Oui', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Écouter la page' })).toBeVisible();
  await expect.poll(() => highlighted(page)).toBeNull();
});

test('every dialog can be read aloud: a glossary definition, the Terminer confirmation', async ({ page, host }) => {
  await installSpeechStandIn(page);
  await openTopic(page, host.url);
  await page
    .getByRole('button', { name: /^Explication du mot/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  const word = await dialog.getByRole('heading').innerText();
  const definition = await dialog.locator('p:not(.read-aloud-status)').first().innerText();
  await dialog.getByRole('button', { name: 'Écouter' }).click();
  await expect.poll(() => highlighted(page)).toBe(word);
  await finishBlock(page);
  await expect.poll(() => highlighted(page)).toBe(definition);
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  // Closing the dialog stops its reading.
  await expect.poll(() => highlighted(page)).toBeNull();

  await page.getByRole('button', { name: 'Terminer' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Écouter' }).click();
  await expect.poll(() => highlighted(page)).toBe(await confirm.getByRole('heading').innerText());
});

test('the need screens are drawn ahead while the home screen is read: the reading goes on, and a need screen is then read alone', async ({
  page,
  host,
}) => {
  await installSpeechStandIn(page);
  // The need screens are drawn, hidden, once the visit's code is here: part of it is held back until the home screen
  // is being read.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/ItemScreen-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(host.url);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  // The home and need screens' headings (a topic drawn ahead, hidden, has its own, in its article).
  const headings = page.locator('main h1:not(article h1)');
  await expect(headings).toHaveCount(1);
  await page.getByRole('button', { name: 'Écouter la page' }).click();
  await expect.poll(() => highlighted(page)).toBe('Bonjour');

  release();
  // The home screen and the six need screens are in the page; one heading is shown.
  await expect(headings).toHaveCount(7);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  // Their arrival did not stop the reading: the next block follows.
  await expect(page.getByRole('button', { name: 'Arrêter' })).toBeVisible();
  await finishBlock(page);
  await expect.poll(() => highlighted(page)).toBe('Que voulez-vous faire ?');

  // Leaving the home screen stops its reading.
  await page.getByRole('button', { name: 'Payer moins mes soins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payer moins mes soins' })).toBeFocused();
  await expect.poll(() => highlighted(page)).toBeNull();
  const before = (await spokenTexts(page)).length;
  await page.getByRole('button', { name: 'Écouter la page' }).click();
  for (let i = 0; i < 100 && (await page.getByRole('button', { name: 'Arrêter' }).isVisible()); i++) await finishBlock(page);
  await expect(page.getByRole('button', { name: 'Écouter la page' })).toBeVisible();
  const spoken = (await spokenTexts(page)).slice(before);
  expect(spoken[0]).toBe('Payer moins mes soins');
  expect(spoken.length).toBeGreaterThan(3);
  // Nothing of the screens kept hidden is read: the home screen, the five other needs, the topic drawn ahead.
  const hidden = (await page.locator('main h1').allTextContents()).filter((text) => text !== 'Payer moins mes soins');
  expect(hidden).toHaveLength(7);
  for (const text of hidden) expect(spoken.filter((line) => line.includes(text))).toEqual([]);
});
