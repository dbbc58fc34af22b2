// The Confort panel: bigger text and strong contrast for this visit only, without accessibility faults.
import { axeViolations } from './axe';
import { endVisitWith, expect, test } from './fixtures';

test('larger text and strong contrast apply at once, keep every screen accessible, and end with the visit', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  const baseSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

  await page.getByRole('button', { name: 'Confort' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confort de lecture' });
  await dialog.getByRole('radio', { name: '200 %' }).click();
  await dialog.getByRole('radiogroup', { name: 'Contraste fort' }).getByRole('radio', { name: 'Oui' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeCloseTo(baseSize * 2, 0);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Terminer' }).click();
  await endVisitWith(page, page.getByRole('alertdialog').getByRole('button', { name: 'Oui, terminer' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeCloseTo(baseSize, 0);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('the text uses the legible font shipped with the app, for Latin and Arabic, with no request outside the kiosk', async ({
  page,
  host,
}) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(host.url)) elsewhere.push(request.url());
  });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  const loadedFamilies = () =>
    page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
    });
  await expect.poll(loadedFamilies).toContain('Atkinson Hyperlegible');
  await page.getByRole('radio', { name: 'العربية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا' })).toBeVisible();
  await expect.poll(loadedFamilies).toContain('Noto Sans Arabic');
  expect(elsewhere).toEqual([]);
});
