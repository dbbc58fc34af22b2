// A corrupt state database does not stop the kiosk: the next start moves it aside, starts fresh and logs it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, startHost, stopHost, test } from './fixtures';

test('the next start after a corrupted state DB recovers, logs it and shows the home screen', async ({ page, request }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-recovery-'));
  try {
    const first = await startHost(dataDir);
    expect(await (await request.get(`${first.url}api/health`)).json()).toMatchObject({ stateDb: { status: 'ok' } });
    await stopHost(first);

    const dbFile = join(dataDir, 'state.db');
    const bytes = readFileSync(dbFile);
    bytes.fill(0x5a, 0, 100); // destroy the SQLite header
    writeFileSync(dbFile, bytes);

    const second = await startHost(dataDir);
    try {
      const health = await (await request.get(`${second.url}api/health`)).json();
      expect(health).toMatchObject({ stateDb: { status: 'recovered', movedAsideTo: expect.stringMatching(/^state\.db\.corrupt-/) } });
      expect(readdirSync(dataDir)).toContain(health.stateDb.movedAsideTo);
      const log = readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8');
      expect(log).toMatch(/"level":"error","event":"stateDb.recovered"/);
      expect(health.stateDb.lastRecovery).toMatchObject({ movedAsideTo: health.stateDb.movedAsideTo });
      await page.goto(second.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
      // The emptied kiosk does not hand setup to the next visitor: it asks for the code on the disk, and says what happened.
      await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
      await expect(async () => {
        await page.keyboard.press('Control+Alt+Shift+KeyA');
        await expect(page.getByRole('heading', { level: 1, name: 'Choisir la phrase secrète' })).toBeVisible({ timeout: 1000 });
      }).toPass();
      await expect(page.getByRole('region', { name: 'La base de données de la borne a été remise à zéro' })).toContainText(
        health.stateDb.movedAsideTo,
      );
      await expect(page.getByLabel('Code à usage unique')).toBeVisible();
    } finally {
      await stopHost(second);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('without a content pack the kiosk still starts, keeps emergencies, and tells the IT person why', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-nopack-'));
  const host = await startHost(dataDir, [`--content-pack=${join(dataDir, 'no-pack-here')}`]);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Les informations de santé ne sont pas chargées.');
    await expect(page.getByRole('alert')).toContainText('content.packMissing');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Urgences' }).click();
    await expect(page.getByText('3114')).toBeVisible();
  } finally {
    await stopHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a corrupt installed pack is skipped: the shipped pack keeps serving, and the skip is logged', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-badpack-'));
  const current = join(dataDir, 'packs', 'current');
  mkdirSync(current, { recursive: true });
  writeFileSync(join(current, 'content-pack.sqlite'), 'not a pack');
  writeFileSync(join(current, 'content-pack.manifest.json'), '{"format": 1}');
  const host = await startHost(dataDir);
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Mon espace santé' }).click();
    await expect(page.getByRole('heading', { name: 'Les pages sur ce sujet' })).toBeVisible();
    expect(readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8')).toContain('"event":"content.packSkipped"');
  } finally {
    await stopHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('nothing can be dropped on the kiosk or dragged out of it, before the app runs and after', async ({ page, host }) => {
  // The built home page, painted before the app's script arrives: held here, as on a slow kiosk.
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-ready');
  await expectDropsRefused(page, host.url);
  await page.unroute(/\/assets\/index-[\w-]+\.js$/);
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expectDropsRefused(page, host.url);
});

async function expectDropsRefused(page: Page, url: string): Promise<void> {
  const refused = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/uri-list', 'https://example.org/');
    data.items.add(new File(['x'], 'file.html', { type: 'text/html' }));
    const target = document.querySelector('main') as HTMLElement;
    return ['dragstart', 'dragover', 'drop'].map((type) => {
      const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return [type, event.defaultPrevented] as const;
    });
  });
  expect(refused).toEqual([
    ['dragstart', true],
    ['dragover', true],
    ['drop', true],
  ]);
  expect(page.url()).toBe(url);
}
