// A visitor with a physical keyboard in front of the browser-kiosk: the product's own launcher starts the system
// Chromium, headed, on a virtual X display, without any managed policy installed; real key events (xdotool) try every
// shortcut that opens a window, a dialog, the address bar, the downloads, history or developer tools, or closes the
// window. After each, the only window on screen is the kiosk, with nothing drawn over it, within 20 seconds at most.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutable } from './chromium-path';
import { addressOf } from './host-process';
import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { missingXTools, startXDisplay, type XDisplay } from './x-display';

const kioskWindow = 'Passerelle Santé';
const attacks = [
  'ctrl+n',
  'ctrl+shift+n',
  'ctrl+t',
  'ctrl+o',
  'ctrl+s',
  'ctrl+u',
  'ctrl+h',
  'ctrl+j',
  'ctrl+shift+o',
  'ctrl+shift+Delete',
  'ctrl+l',
  'alt+Home',
  'F6',
  'alt+d',
  'ctrl+shift+i',
  'F12',
  'ctrl+p',
  'ctrl+shift+b',
  'ctrl+w',
  'alt+F4',
];

/** What a test started (launcher, X server, folder): undone after it, even when it ran out of time. */
const cleanups: (() => Promise<void> | void)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

/**
 * `npm start` as the kiosk runs it (the built launcher), on the virtual display; the browser through a wrapper.
 * With `policyDir`, in a mount namespace of its own where that folder is /etc/chromium: managed policies for this
 * browser only, not for the rest of the machine.
 */
async function startLauncher(
  display: string,
  dataDir: string,
  chromium: string,
  options: { port?: number; policyDir?: string } = {},
): Promise<{ child: ChildProcess; url: string }> {
  // Tests run as root in containers: Chromium needs --no-sandbox there. The wrapper execs it, as chromium-in-cage does.
  const wrapper = join(dataDir, 'chromium-for-test');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${chromium} --no-sandbox --disable-gpu "$@"\n`);
  chmodSync(wrapper, 0o755);
  const launcher = [process.execPath, 'dist/main/start.cjs', '--host=web', `--port=${options.port ?? 0}`, `--data-dir=${dataDir}`];
  const [command, ...args] = options.policyDir
    ? ['unshare', '-m', 'sh', '-c', `mount --bind "$0" /etc/chromium && exec "$@"`, options.policyDir, ...launcher]
    : launcher;
  const child = spawn(command as string, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: display, PASSERELLE_CHROMIUM: wrapper },
  });
  const url = await addressOf(child, 'the launcher');
  return { child, url };
}

/** Sends each key combination to the kiosk window and returns what stayed on screen afterwards (empty when it held). */
async function tryEscapes(screen: XDisplay, combos: readonly string[], dir: string, testInfo: TestInfo): Promise<string[]> {
  expect(await until(() => screen.windows().includes(kioskWindow), 20_000), 'the kiosk window opens').toBe(true);
  await new Promise((r) => setTimeout(r, 1500));
  const baseline = screen.windows();
  const baselineLight = screen.screenshot(join(dir, 'baseline.png'));
  const failures: string[] = [];
  for (const combo of combos) {
    if (!(await until(() => screen.focus(kioskWindow), 20_000))) {
      failures.push(`${combo}: the kiosk window was not back within 20 s`);
      break;
    }
    screen.key(combo);
    // Long enough for a new window or a dialog to be drawn; then the kiosk must be alone again (20 s at most).
    await new Promise((r) => setTimeout(r, 1200));
    const alone = await until(() => JSON.stringify(screen.windows()) === JSON.stringify(baseline), 20_000);
    const shot = join(dir, `after-${combo}.png`);
    // A bubble or a dialog drawn inside the kiosk window dims or covers the page: the screen's brightness changes.
    const light = screen.screenshot(shot);
    const before = failures.length;
    if (!alone) failures.push(`${combo}: windows ${JSON.stringify(screen.windows())}`);
    else if (Math.abs(light - baselineLight) > 0.01) failures.push(`${combo}: something is drawn over the kiosk page`);
    if (failures.length > before) await testInfo.attach(combo, { path: shot, contentType: 'image/png' });
  }
  return failures;
}

async function stopLauncher(launcher: ChildProcess) {
  if (launcher.exitCode !== null) return;
  const exited = new Promise((r) => launcher.once('exit', r));
  launcher.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

test('no keyboard shortcut leaves the browser-kiosk, opens a window or a dialog, or keeps the kiosk away', async ({
  browserName: _,
}, testInfo) => {
  const missing = missingXTools();
  test.skip(missing.length > 0, `needs ${missing.join(', ')} (installed by .ci/run)`);
  const chromium = chromiumExecutable();
  if (!chromium) throw new Error('no Chromium found for the browser tests');
  test.setTimeout(150_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-escape-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const x = await startXDisplay();
  cleanups.push(() => x.stop());
  const launcher = (await startLauncher(x.display, dataDir, chromium)).child;
  cleanups.push(() => stopLauncher(launcher));
  expect(await tryEscapes(x, attacks, dataDir, testInfo)).toEqual([]);
  // What the supervisor did is in the kiosk's log, without any address.
  expect(readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8')).not.toContain('file://');
});

test('with the shipped managed policies installed, the kiosk still opens, the guard still holds, and /api/health reports them', async ({
  browserName: _,
}, testInfo) => {
  const missing = missingXTools();
  test.skip(missing.length > 0, `needs ${missing.join(', ')} (installed by .ci/run)`);
  test.skip(spawnSync('unshare', ['-m', 'true']).status !== 0, 'needs root to install policies for one browser only (unshare -m)');
  const chromium = chromiumExecutable();
  if (!chromium) throw new Error('no Chromium found for the browser tests');
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-policy-'));
  // The shipped file, with the port of this test's host in its allowlist (the set-up writes the site's port).
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const policies = JSON.parse(readFileSync('build/chromium-policy/passerelle-sante.json', 'utf8')) as Record<string, unknown>;
  policies.URLAllowlist = [`http://127.0.0.1:${port}`];
  mkdirSync(join(dataDir, 'etc-chromium', 'policies', 'managed'), { recursive: true });
  writeFileSync(join(dataDir, 'etc-chromium', 'policies', 'managed', 'passerelle-sante.json'), JSON.stringify(policies));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const x = await startXDisplay();
  cleanups.push(() => x.stop());
  const started = await startLauncher(x.display, dataDir, chromium, { port, policyDir: join(dataDir, 'etc-chromium') });
  cleanups.push(() => stopLauncher(started.child));
  // The page title is the app's: the allowlist lets the kiosk through.
  expect(await tryEscapes(x, ['ctrl+n', 'ctrl+s', 'ctrl+o', 'F12', 'ctrl+shift+n', 'alt+F4'], dataDir, testInfo)).toEqual([]);
  const health = (await (await fetch(new URL('/api/health', started.url))).json()) as { browserPolicy?: unknown };
  expect(health.browserPolicy).toMatchObject({
    file: '/etc/chromium/policies/managed/passerelle-sante.json',
    present: true,
    values: { URLBlocklist: ['*', 'file://*'], AllowFileSelectionDialogs: false, DownloadRestrictions: 3, TranslateEnabled: false },
  });
  // The escape guard attached to the kiosk page (DeveloperToolsAvailability=2 would have refused it).
  expect(readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8')).not.toContain('lockdown.kioskAttachFailed');
});
