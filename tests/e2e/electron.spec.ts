// The Electron shell itself: runs where the Electron binary is installed, and says why it is skipped elsewhere.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const binding = process.env.PASSERELLE_SQLITE_BINDING ?? join('.cache', 'electron-native', 'better_sqlite3.node');
const skipReason = !binary
  ? 'no Electron binary here (its download failed or was skipped at npm install); runs after `npm run electron:install` with internet'
  : !existsSync(binding)
    ? 'better-sqlite3 is not built for Electron: run `npm run electron:rebuild` first'
    : null;

test.describe('Electron shell', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens one locked-down kiosk window on the home screen, with the bridge and no Node', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['dist/main/electron.cjs', `--data-dir=${dataDir}`, '--no-kiosk'],
      env: { ...process.env, PASSERELLE_SQLITE_BINDING: binding },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
      expect(page.url()).toBe('app://kiosk/index.html');
      const exposed = await page.evaluate(() => ({
        bridge: Object.keys((window as unknown as { passerelle: object }).passerelle).sort(),
        node: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ bridge: ['call', 'on'], node: 'undefined', process: 'undefined' });
      const opened = await page.evaluate(() => window.open('https://example.org') === null);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
