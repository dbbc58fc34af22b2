// Other sites are never opened on the kiosk: a journey step shows the official address and a QR code holding it.
// The QR code is read back from a screenshot with a real decoder, as a phone would.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

test('a step with an official site shows its address and a QR code a phone can read, in every theme', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Mon compte ameli' }).click();
  await page.getByRole('button', { name: /Créer/ }).first().click();
  const yes = page.getByRole('button', { name: 'Oui', exact: true });
  await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
  const start = page.getByRole('button', { name: 'Commencer' });
  // Each answer draws the next question, or the start: waited for, not looked at once (a slow render skipped the start).
  while (await yes.isVisible()) {
    await yes.click();
    await expect(yes.or(start)).toBeVisible();
  }
  await start.click();
  const qr = page.getByRole('img', { name: /^Code QR de l'adresse/ });
  const next = page.getByRole('button', { name: 'Suivant' });
  for (let i = 0; i < 10 && !(await qr.isVisible()); i++) {
    await next.click();
    await expect(next.or(qr).first()).toBeVisible();
  }
  await expect(qr).toBeVisible();

  const shown = await page.locator('.official-address .url').innerText();
  const read = async () => {
    const png = PNG.sync.read(await qr.screenshot());
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
  };
  const decoded = await read();
  expect(decoded).toBe(`https://${shown}`);
  await expect(qr).toHaveAccessibleName(`Code QR de l'adresse ${shown}`);
  expect(await axeViolations(page)).toEqual([]);

  // Strong contrast keeps the code dark on light: still readable.
  await page.getByRole('button', { name: 'Confort' }).click();
  await page.getByRole('dialog').getByRole('radiogroup', { name: 'Contraste fort' }).getByRole('radio', { name: 'Oui' }).click();
  await page.keyboard.press('Escape');
  expect(await read()).toBe(decoded);
});
