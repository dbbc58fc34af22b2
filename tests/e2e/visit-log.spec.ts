// What a visit leaves in the kiosk's log, seen as someone who reads the log afterwards would: a visitor types a
// canary in the search, reads a sensitive topic and types a path in the address; the log holds none of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, useOwnHost } from './fixtures';

const own = useOwnHost('passerelle-visit-log-');
const canary = 'zq7canary';
const logOf = () => readFileSync(join(own().dataDir, 'logs', 'passerelle.log'), 'utf8');

test('after a visit that searches, reads a sensitive topic and types a path, the log has no trace of it', async ({ page }) => {
  // The start-up's last line (the kiosk voice's probe, in the background) is not the visit's: wait for it first.
  await expect.poll(() => logOf().includes('"speech.kioskVoice"'), { timeout: 30_000 }).toBe(true);
  const before = logOf().split('\n').filter(Boolean).length;
  await page.goto(own().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const field = page.getByRole('searchbox', { name: 'Tapez un mot' });
  await field.pressSequentially(`${canary} `, { delay: 60 });
  await expect(page.getByRole('status').filter({ hasText: 'Aucune page' })).toBeVisible();
  await field.fill('');
  await field.pressSequentially('addiction', { delay: 60 });
  await page.getByRole('button', { name: /Alcool, tabac, drogues, jeux/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Alcool, tabac, drogues, jeux/ })).toBeVisible();
  // A path typed by the visitor (or a page script) is served the app, and never written down.
  await page.goto(`${own().url}${canary}-path/../etc`);
  await page.goto(`${own().url}assets/${canary}.svg`);

  const lines = logOf().split('\n').filter(Boolean).slice(before);
  // No line per request, per keystroke or per asset: while the host runs, a visit writes nothing at all.
  expect(lines).toEqual([]);
  const text = logOf();
  for (const trace of [canary, 'addiction', 'content.search', 'content.item', '/assets/', '.svg', '.js', 'pictogram']) {
    expect(text, trace).not.toContain(trace);
  }
  for (const line of text.split('\n').filter(Boolean)) expect(JSON.parse(line).at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
});
