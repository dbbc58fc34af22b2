// "Je veux parler à quelqu'un": the help screen shows the site's own places from its configuration (desk, phone,
// hours) before the national lines, and prints them. Its own host, started with a site configuration file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { printsPerVisit } from '../../common/kiosk/print-budget';
import { endVisitWith, expect, test, useOwnHost } from './fixtures';

const host = useOwnHost('passerelle-help-', (dataDir) => {
  const config = join(dataDir, 'site.json');
  writeFileSync(
    config,
    JSON.stringify({
      siteName: 'Médiathèque des Capucins',
      helpPlaces: [
        {
          name: 'Accueil de la médiathèque',
          phone: '02 98 00 00 00',
          address: '25 rue de Pontaniou',
          hours: 'Du mardi au samedi, de 10 h à 18 h',
        },
      ],
    }),
  );
  return [`--config=${config}`];
});

test("the help screen gives the site's own desk, its phone and hours, in every language, and prints them", async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('button', { name: "Besoin d'aide ?" }).click();
  await expect(page.getByRole('heading', { level: 2, name: "Je veux parler à quelqu'un" })).toBeVisible();
  const site = page.getByRole('region', { name: 'Ici, sur place' });
  await expect(site.getByRole('heading', { name: 'Accueil de la médiathèque' })).toBeVisible();
  await expect(site).toContainText('02 98 00 00 00');
  await expect(site.getByText('Du mardi au samedi, de 10 h à 18 h')).toHaveAttribute('lang', 'fr');
  expect(await axeViolations(page)).toEqual([]);

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: 'Imprimer ces adresses' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // In Arabic the place keeps its French name and hours, marked as French, inside the right-to-left page.
  await page.getByRole('radio', { name: 'العربية' }).click();
  const siteAr = page.getByRole('region', { name: 'هنا، في المكان' });
  await expect(siteAr.getByRole('heading', { name: 'Accueil de la médiathèque' })).toHaveAttribute('lang', 'fr');
  expect(await axeViolations(page)).toEqual([]);
});

test('a visit prints a few times at most, however often the button is pressed; the next visit may print again', async ({ page }) => {
  // The page reloads when a visit ends: the test keeps its own total of window.print calls, on the Node side.
  let printed = 0;
  await page.exposeFunction('countPrint', () => void (printed += 1));
  await page.addInitScript(() => {
    window.print = () => void (window as unknown as { countPrint: () => void }).countPrint();
  });
  await page.goto(host().url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: "Besoin d'aide ?" }).click();
  const print = page.getByRole('button', { name: 'Imprimer ces adresses' });
  for (let i = 0; i < printsPerVisit + 10; i++) await print.click();
  await expect.poll(() => printed).toBe(printsPerVisit);
  await page.waitForTimeout(500);
  expect(printed).toBe(printsPerVisit);

  await page.getByRole('button', { name: 'Terminer' }).click();
  await endVisitWith(page, page.getByRole('alertdialog').getByRole('button', { name: 'Oui, terminer' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await page.getByRole('button', { name: "Besoin d'aide ?" }).click();
  await page.getByRole('button', { name: 'Imprimer ces adresses' }).click();
  await expect.poll(() => printed).toBe(printsPerVisit + 1);
});
