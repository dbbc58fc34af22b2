// Runs the product's own launcher (`npm start`'s built start.cjs in browser-kiosk mode): the web host and the system
// Chromium under its supervisor. The test watches that same browser over a debugging port of its own, given by a
// wrapper script the launcher finds through PASSERELLE_CHROMIUM (the supervisor keeps its own pipe).
import { chromium as playwrightChromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromiumExecutable } from './chromium-path';
import { expect } from './fixtures';
import { addressOf } from './host-process';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface RunningLauncher {
  readonly child: ChildProcess;
  readonly url: string;
  readonly dataDir: string;
  readonly debugPort: number;
  /** Stops the launcher as a service manager does (SIGTERM), and waits for it. */
  stop(): Promise<void>;
}

/**
 * Starts the launcher in `work` with this site configuration. `browserFlags` go to Chromium before the launcher's own
 * (test-only ones: a debugging port is always added); `env` to the launcher and so to its browser (a DISPLAY).
 */
export async function startLauncher(
  work: string,
  config: Readonly<Record<string, unknown>>,
  browserFlags: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<RunningLauncher> {
  const binary = chromiumExecutable();
  if (!binary) throw new Error('no Chromium found for the browser tests');
  const debugPort = await freePort();
  const wrapper = join(work, 'chromium-for-test');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${binary} --remote-debugging-port=${debugPort} ${browserFlags.join(' ')} "$@"\n`);
  chmodSync(wrapper, 0o755);
  const dataDir = join(work, 'data');
  mkdirSync(dataDir);
  const configFile = join(work, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawn(
    process.execPath,
    ['dist/main/start.cjs', '--host=web', '--port=0', `--data-dir=${dataDir}`, `--config=${configFile}`],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, PASSERELLE_CHROMIUM: wrapper } },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  try {
    const url = await addressOf(child, 'the launcher');
    // The services open at the first call: the data folder (the setup code, the log) is ready once they answer.
    const health = await fetch(`${url}api/health`);
    if (!health.ok) throw new Error(`the launcher's services did not open: health check answered ${health.status}`);
    return { child, url, dataDir, debugPort, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Connects to the launcher's browser and finds its kiosk page (the one at the launcher's address). */
export async function connectToKiosk(launcher: RunningLauncher): Promise<{ browser: Browser; context: BrowserContext; kiosk: Page }> {
  let browser: Browser | undefined;
  await expect(async () => {
    browser = await playwrightChromium.connectOverCDP(`http://127.0.0.1:${launcher.debugPort}`, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  if (!browser) throw new Error('no debugging connection to the kiosk browser');
  const context = browser.contexts()[0];
  if (!context) throw new Error('the kiosk browser has no context');
  const find = () => context.pages().find((p) => p.url().startsWith(launcher.url));
  await expect.poll(find, { timeout: 20_000 }).toBeTruthy();
  const kiosk = find();
  if (!kiosk) throw new Error('no kiosk page');
  return { browser, context, kiosk };
}
