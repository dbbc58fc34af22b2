// Runs the kiosk browser (system Chromium) with a fresh profile each time; starts it again if it closes, and,
// through its debugging pipe, brings a crashed or killed page back to a clean home screen.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../log';
import { connectCdpPipe, type Cdp } from './cdp-pipe';
import { chromiumKioskArgs } from './chromium';
import { guardKioskPages } from './page-guard';

export interface BrowserSupervisorOptions {
  readonly kiosk: boolean;
  readonly log: Logger;
  /** For tests and headless checks only: no window. */
  readonly headless?: boolean;
  readonly extraArgs?: readonly string[];
}

export interface BrowserSupervisor {
  /** The running browser: its process id, profile folder and debugging connection. */
  current(): { readonly pid: number; readonly profileDir: string; readonly cdp: Cdp } | null;
  stop(): void;
}

export function superviseBrowser(binary: string, url: string, options: BrowserSupervisorOptions): BrowserSupervisor {
  let running: { child: ChildProcess; profileDir: string; cdp: Cdp } | null = null;
  let stopping = false;
  let quickExits = 0;
  const launch = () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'passerelle-browser-'));
    const startedAt = Date.now();
    const args = [...chromiumKioskArgs(url, profileDir, { kiosk: options.kiosk }), '--remote-debugging-pipe', ...(options.headless ? ['--headless=new'] : []), ...(options.extraArgs ?? [])];
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const cdp = connectCdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
    running = { child, profileDir, cdp };
    guardKioskPages(cdp, { homeUrl: url, log: options.log }).catch(() => options.log.warn('browser.guardUnavailable', {}));
    child.on('exit', () => {
      running = null;
      // Chromium's helpers may still be writing for a moment: retry, and never let a leftover stop the supervisor.
      try {
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        options.log.warn('browser.profileLeft', {});
      }
      if (stopping) return;
      quickExits = Date.now() - startedAt < 10_000 ? quickExits + 1 : 0;
      if (quickExits >= 5) {
        process.stderr.write(`The browser keeps closing at once: open ${url} by hand.\n`);
        return;
      }
      setTimeout(launch, 1000);
    });
  };
  launch();
  return {
    current: () => (running && running.child.pid !== undefined ? { pid: running.child.pid, profileDir: running.profileDir, cdp: running.cdp } : null),
    stop() {
      stopping = true;
      running?.cdp.close();
      running?.child.kill();
    },
  };
}
