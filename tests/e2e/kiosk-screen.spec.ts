// What a visitor sees first at a browser kiosk: the launcher's own Chromium, headed under Xvfb, with a browser UI in
// English showing the French home screen (where Chromium would offer "Translate this page?"). The X display's pixels
// must be the page's own rendering: no translate bubble, no infobar, nothing of the browser over the kiosk.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwrightChromium } from '@playwright/test';
import { PNG } from 'pngjs';
import { endLeftovers } from '../../build/scripts/tagged-processes';
import { chromiumArgs, chromiumExecutable } from './chromium-path';
import { expect, test } from './fixtures';
import { hostTagVariable } from './host-process';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = ['Xvfb', 'import', 'xwininfo'].filter((command) => !has(command));

/** A free X display of its own (Xvfb picks the number and writes it to fd 3). */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 10_000);
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
  });
  return { display, process: xvfb };
}

/** The kiosk window's place on the X display, once it is there. */
async function kioskWindow(display: string): Promise<{ x: number; y: number; width: number; height: number }> {
  for (let i = 0; i < 150; i++) {
    const info = spawnSync('xwininfo', ['-display', display, '-name', 'Passerelle Santé'], { encoding: 'utf8' });
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(-?\\d+)`).exec(info.stdout)?.[1]);
    if (info.status === 0 && field('Width') > 100) {
      return { x: field('Absolute upper-left X'), y: field('Absolute upper-left Y'), width: field('Width'), height: field('Height') };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the kiosk window did not open');
}

test.describe('the kiosk browser, headed', () => {
  test.skip(missing.length > 0, `needs ${missing.join(', ')} (apt-get install xvfb imagemagick x11-utils)`);

  test('the first screen is the page alone: no translate bubble, no infobar', async () => {
    test.setTimeout(45_000);
    const work = mkdtempSync(join(tmpdir(), 'passerelle-screen-'));
    const tag = randomUUID();
    const xvfb = await startXvfb();
    // As root (containers, CI) Chromium needs --no-sandbox; --test-type keeps its "unsupported flag" infobar for that
    // test-only flag off the screen. Everything else is the launcher's own.
    const chromium = join(work, 'chromium');
    writeFileSync(chromium, `#!/bin/sh\nexec '${chromiumExecutable() ?? 'chromium'}' --no-sandbox --test-type --disable-gpu "$@"\n`);
    chmodSync(chromium, 0o755);
    const launcher = spawn(process.execPath, ['dist/main/start.cjs', '--host=web', '--port=0', `--data-dir=${join(work, 'data')}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // On the test's X display only, even from a desktop session.
        WAYLAND_DISPLAY: '',
        DISPLAY: xvfb.display,
        // The browser's own language is English: a French page is one it would offer to translate.
        LANG: 'en_US.UTF-8',
        LANGUAGE: 'en_US',
        PASSERELLE_CHROMIUM: chromium,
        [hostTagVariable]: tag,
      },
    });
    let output = '';
    launcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => /running at (http:\/\/\S+)/.exec(output)?.[1], { timeout: 15_000, message: output }).toBeTruthy();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1] ?? '';
      const area = await kioskWindow(xvfb.display);
      // Chromium offers translation a moment after the page has loaded: leave it the time to.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const shot = spawnSync('import', ['-display', xvfb.display, '-window', 'root', 'png:-'], { maxBuffer: 64 * 1024 * 1024 });
      expect(shot.status).toBe(0);
      const screen = PNG.sync.read(shot.stdout);

      // The page's own rendering, at the window's size, in a plain headless page (with its scrollbar, as on screen).
      const plain = await playwrightChromium.launch({
        executablePath: chromiumExecutable(),
        args: [...chromiumArgs],
        ignoreDefaultArgs: ['--hide-scrollbars'],
      });
      const page = await plain.newPage({ viewport: { width: area.width, height: area.height } });
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
      await page.waitForTimeout(500);
      const own = PNG.sync.read(await page.screenshot());
      await plain.close();

      const { differing, box } = compare(screen, own, area);
      mkdirSync(test.info().outputDir, { recursive: true });
      writeFileSync(join(test.info().outputDir, 'kiosk-screen.png'), PNG.sync.write(screen));
      writeFileSync(join(test.info().outputDir, 'page-own.png'), PNG.sync.write(own));
      test.info().annotations.push({ type: 'pixels', description: `${differing} pixels differ from the page's own rendering` });
      // A translate bubble covers some 300 × 50 pixels, an infobar a strip across the window.
      expect(differing, `pixels unlike the page's own rendering, in ${JSON.stringify(box)}; see kiosk-screen.png`).toBeLessThan(1500);
    } finally {
      launcher.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await endLeftovers(hostTagVariable, tag, 3000);
      xvfb.process.kill('SIGTERM');
      rmSync(work, { recursive: true, force: true });
    }
  });
});

test('npm start without a browser says once which package to install or which variable to fix, and serves on', async () => {
  const work = mkdtempSync(join(tmpdir(), 'passerelle-nobrowser-'));
  const tag = randomUUID();
  const launcher = spawn(process.execPath, ['dist/main/start.cjs', '--host=web', '--port=0', `--data-dir=${join(work, 'data')}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PASSERELLE_CHROMIUM: join(work, 'no-such-browser'), [hostTagVariable]: tag },
  });
  let output = '';
  launcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: 15_000 }).toContain('open the address above in a browser');
    expect(output.match(/PASSERELLE_CHROMIUM is set to \S+no-such-browser, which does not exist/g)).toHaveLength(1);
    const url = /running at (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    expect((await fetch(new URL('/api/health', url))).status).toBe(200);
  } finally {
    launcher.kill('SIGTERM');
    await endLeftovers(hostTagVariable, tag, 3000);
    rmSync(work, { recursive: true, force: true });
  }
});

/** Pixels of the window area that are clearly unlike the page's own rendering, and the box around them. */
function compare(screen: PNG, own: PNG, area: { x: number; y: number; width: number; height: number }) {
  let differing = 0;
  const box = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
  for (let y = 0; y < area.height; y++) {
    for (let x = 0; x < area.width; x++) {
      const a = ((area.y + y) * screen.width + area.x + x) * 4;
      const b = (y * own.width + x) * 4;
      const delta = Math.max(
        Math.abs((screen.data[a] ?? 0) - (own.data[b] ?? 0)),
        Math.abs((screen.data[a + 1] ?? 0) - (own.data[b + 1] ?? 0)),
        Math.abs((screen.data[a + 2] ?? 0) - (own.data[b + 2] ?? 0)),
      );
      if (delta <= 64) continue;
      differing++;
      box.left = Math.min(box.left, x);
      box.top = Math.min(box.top, y);
      box.right = Math.max(box.right, x);
      box.bottom = Math.max(box.bottom, y);
    }
  }
  return { differing, box };
}
