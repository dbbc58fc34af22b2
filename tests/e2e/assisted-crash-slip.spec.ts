// The slip a crash leaves (the page that comes back shows the cut accompaniment's ticket once) at a site whose own
// language is Arabic: each line in Arabic, with the French beside it, marked French, for the next desk. Real host.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { seedMediators, startMesInArabic, unlockMediator } from './mediator-seed';

const site = mkdtempSync(join(tmpdir(), 'passerelle-site-'));
writeFileSync(join(site, 'config.json'), JSON.stringify({ siteName: 'Centre social de la Paillade', defaultLocale: 'ar' }));
test.afterAll(() => rmSync(site, { recursive: true, force: true }));
const host = useOwnHost('passerelle-crash-slip-', () => [`--config=${join(site, 'config.json')}`]);

test('after a crash, the slip of an Arabic-speaking site gives the ticket in Arabic and in French', async ({ page }) => {
  await page.goto(host().url);
  await seedMediators(page, 'la borne du centre social', setupCodeOf(host()), [
    { displayName: 'Amina', role: 'volunteer', pin: '24681357' },
  ]);
  await page.goto(host().url);
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا' })).toBeVisible();
  await unlockMediator(page, 'Amina', '24681357');
  await startMesInArabic(page);
  await page.getByRole('button', { name: "C'est fait, par la personne qui accompagne" }).click();
  await expect(page.locator('#step-heading')).toHaveText('اكتب رقم الضمان الاجتماعي');
  // What the app does when its page crashes: it ends the visit as a crash, then reloads.
  await page.evaluate(async () => {
    await fetch('/api/call/kiosk.endVisit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"reason":"crash"}',
    });
  });
  await page.reload();
  const slip = page.getByRole('region', { name: 'انقطع إجراؤك المرافَق' });
  await expect(slip).toContainText('تفعيل Mon espace santé');
  const code = (await slip.locator('.ticket-code').textContent()) ?? '';
  expect(code).toMatch(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  const french = slip.locator('.staff-copy');
  await expect(french).toHaveAttribute('lang', 'fr');
  await expect(french).toContainText('Activer Mon espace santé');
  await expect(french).toContainText(`Pour continuer plus tard, montrez ce code à la personne qui vous aidera : ${code}`);
  await expect(french).toContainText("Ce code marche jusqu'au");
  expect(await axeViolations(page)).toEqual([]);
});
