// A look-alike address (ameli-fr.example) is never shown as "the official site's address" nor put in a QR code: not
// when a signed pack carries it (the host removes it), and not when a response carries it anyway (the screen checks too).
import Database from 'better-sqlite3';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startHost, stopHost, test } from './fixtures';

const lookAlike = 'https://ameli-fr.example/connexion';

/** Walks the "create an ameli account" journey to its end; at every step, nothing of the look-alike is on screen. */
async function walkWithoutLookAlike(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Mon compte ameli' }).click();
  await page.getByRole('button', { name: /Créer/ }).first().click();
  const yes = page.getByRole('button', { name: 'Oui', exact: true });
  await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
  while (await yes.isVisible()) await yes.click();
  const start = page.getByRole('button', { name: 'Commencer' });
  if (await start.isVisible()) await start.click();
  const counter = page.getByText(/^Étape \d+ sur \d+$/);
  const finished = page.getByRole('heading', { name: "C'est fini. Bravo !" });
  let steps = 0;
  for (;;) {
    await expect(counter.or(finished)).toBeVisible();
    if (await finished.isVisible()) break;
    steps += 1;
    await expect(page.getByRole('img', { name: /^Code QR de l'adresse/ })).toHaveCount(0);
    await expect(page.getByText('Adresse du site officiel')).toHaveCount(0);
    expect(await page.content()).not.toContain('ameli-fr.example');
    await page.getByRole('button', { name: 'Étape suivante' }).click();
  }
  return steps;
}

test('a signed pack whose steps point to a look-alike: the host serves the steps without the address', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'passerelle-lookalike-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyFile = join(root, 'content-signing.pub');
  writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // The shipped pack, every step address replaced, re-signed with the site's key as a careless publisher would.
  const pack = join(root, 'data', 'packs', 'current');
  mkdirSync(pack, { recursive: true });
  cpSync(join('dist', 'content'), pack, { recursive: true });
  const file = join(pack, 'content-pack.sqlite');
  const db = new Database(file);
  let replaced = 0;
  for (const row of db.prepare<[], { rowid: number; data: string }>("SELECT rowid, data FROM item WHERE kind = 'journey'").all()) {
    const body = JSON.parse(row.data) as { steps: { url?: string }[] };
    for (const step of body.steps.filter((s) => s.url)) {
      step.url = lookAlike;
      replaced += 1;
    }
    db.prepare('UPDATE item SET data = ? WHERE rowid = ?').run(JSON.stringify(body), row.rowid);
  }
  db.close();
  expect(replaced).toBeGreaterThan(0);
  const manifestFile = join(pack, 'content-pack.manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, bytes: statSync(file).size, sha256, version: 'lookalike' }));
  writeFileSync(join(pack, 'content-pack.sig'), sign(null, readFileSync(manifestFile), privateKey).toString('base64'));
  writeFileSync(join(root, 'config.json'), JSON.stringify({ contentPublicKey: keyFile }));

  const host = await startHost(join(root, 'data'), [`--config=${join(root, 'config.json')}`]);
  try {
    const health = (await (await fetch(new URL('/api/health', host.url))).json()) as { contentPack: string };
    expect(health.contentPack).toBe('lookalike');
    await page.goto(host.url);
    expect(await walkWithoutLookAlike(page)).toBeGreaterThan(2);
  } finally {
    await stopHost(host);
    rmSync(root, { recursive: true, force: true });
  }
});

test('a response that carries a look-alike anyway: the screen does not label it or encode it', async ({ page, host }) => {
  let injected = 0;
  await page.route('**/api/call/content.item', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { ok: boolean; value?: { body?: { steps?: { url?: string }[] } } };
    for (const step of (json.value?.body?.steps ?? []).filter((s) => s.url)) {
      step.url = lookAlike;
      injected += 1;
    }
    await route.fulfill({ response, json });
  });
  await page.goto(host.url);
  expect(await walkWithoutLookAlike(page)).toBeGreaterThan(2);
  expect(injected).toBeGreaterThan(0);
});
