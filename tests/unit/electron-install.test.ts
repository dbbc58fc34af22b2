// The script npm runs after install to get Electron: where the download fails (here an unreachable mirror and an empty
// download cache), `npm install` must still succeed with one plain notice; by hand it fails; `npm run dist` refuses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cache = mkdtempSync(join(tmpdir(), 'passerelle-electron-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const electronInstalled = (() => {
  try {
    const path = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
})();

function runScript(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return spawnSync(process.execPath, [join(root, 'build', 'scripts', 'electron-install.mjs'), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
}

describe.skipIf(electronInstalled)('getting Electron where it cannot be downloaded (runs where its binary is absent)', () => {
  it('lets npm install succeed, and says once why and how to get Electron later', () => {
    const run = runScript();
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((line) => /Electron (could not be downloaded|is not installed)/.test(line))).toHaveLength(1);
    expect(run.stdout).toContain('browser-kiosk mode');
    expect(run.stdout).toMatch(/npm run electron:rebuild/);
    // One line of cause, not a stack trace.
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
  });

  it('fails when run by hand (npm run electron:install), and npm run dist refuses with a plain message', () => {
    expect(runScript('--strict').status).toBe(1);
    const dist = runScript('--check');
    expect(dist.status).toBe(1);
    expect(dist.stdout).toContain('npm run dist packages the Electron app');
    expect(dist.stdout).toContain('npm run electron:install');
  });
});
