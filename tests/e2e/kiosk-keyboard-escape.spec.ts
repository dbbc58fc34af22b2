// A visitor with a physical keyboard in front of the browser-kiosk: the product's own launcher starts the system
// Chromium, headed, on a virtual X display, without any managed policy installed; real key events (xdotool) try every
// shortcut that opens a window, a dialog, the address bar, the downloads, history or developer tools, or closes the
// window. After each, the only window on screen is the kiosk, with nothing drawn over it, within 20 seconds at most.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutable } from './chromium-path';
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

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

/** `npm start` as the kiosk runs it (the built launcher), on the virtual display; the browser through a wrapper. */
async function startLauncher(display: string, dataDir: string, chromium: string): Promise<ChildProcess> {
  // Tests run as root in containers: Chromium needs --no-sandbox there. The wrapper execs it, as chromium-in-cage does.
  const wrapper = join(dataDir, 'chromium-for-test');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${chromium} --no-sandbox --disable-gpu "$@"\n`);
  chmodSync(wrapper, 0o755);
  const child = spawn(process.execPath, ['dist/main/start.cjs', '--host=web', '--port=0', `--data-dir=${dataDir}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: display, PASSERELLE_CHROMIUM: wrapper },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the launcher did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running at http/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the launcher exited with ${code}: ${output}`)));
  });
  return child;
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
  let x: XDisplay | null = null;
  let launcher: ChildProcess | null = null;
  try {
    x = await startXDisplay();
    const screen = x;
    launcher = await startLauncher(screen.display, dataDir, chromium);
    expect(await until(() => screen.windows().includes(kioskWindow), 20_000), 'the kiosk window opens').toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const baseline = screen.windows();
    const baselineLight = screen.screenshot(join(dataDir, 'baseline.png'));
    const failures: string[] = [];

    for (const combo of attacks) {
      const back = await until(() => screen.focus(kioskWindow), 20_000);
      if (!back) {
        failures.push(`${combo}: the kiosk window was not back`);
        break;
      }
      screen.key(combo);
      // Long enough for a new window or a dialog to be drawn; then the kiosk must be alone again (20 s at most).
      await new Promise((r) => setTimeout(r, 1200));
      const alone = await until(() => JSON.stringify(screen.windows()) === JSON.stringify(baseline), 20_000);
      const shot = join(dataDir, `after-${combo}.png`);
      // A bubble or a dialog drawn inside the kiosk window dims or covers the page: the screen's brightness changes.
      const light = screen.screenshot(shot);
      if (!alone) failures.push(`${combo}: windows ${JSON.stringify(screen.windows())}`);
      else if (Math.abs(light - baselineLight) > 0.01) failures.push(`${combo}: something is drawn over the kiosk page`);
      if (failures.length > 0 && failures.at(-1)?.startsWith(combo)) await testInfo.attach(combo, { path: shot, contentType: 'image/png' });
    }
    expect(failures).toEqual([]);
    // What the supervisor did is in the kiosk's log, without any address.
    const log = readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8');
    expect(log).not.toContain('file://');
  } finally {
    if (launcher && launcher.exitCode === null) {
      const exited = new Promise((r) => launcher?.once('exit', r));
      launcher.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    x?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
