// A corrupt state database does not stop the kiosk: the next start moves it aside, starts fresh and logs it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      await page.goto(second.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
    } finally {
      await stopHost(second);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
