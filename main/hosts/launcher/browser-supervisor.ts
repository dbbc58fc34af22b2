// Runs the kiosk browser (system Chromium) with a fresh profile each time; starts it again if it closes; closes any
// other window a keyboard opens (escape-guard.ts), and,
// through its debugging pipe, brings a crashed or killed page back to a clean home screen.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../../core/log';
import { connectCdpPipe, type Cdp } from './cdp-pipe';
import { chromiumKioskArgs, seedKioskProfile } from './chromium';
import { guardEscapes, type EscapeGuard } from './escape-guard';
import { guardKioskPages } from './page-guard';
import { printKioskPage, printTarget } from './print-page';

export interface BrowserSupervisorOptions {
  readonly kiosk: boolean;
  readonly log: Logger;
  /** For tests and headless checks only: no window. */
  readonly headless?: boolean;
  readonly extraArgs?: readonly string[];
  /** How long a page may not answer before the browser is replaced (default 15 s), and how often it is asked. */
  readonly hangAfterMs?: number;
  readonly checkEveryMs?: number;
  /** Official origins a page opened by the kiosk page may show (issue 15); every other window is closed at once. */
  readonly allowlist?: readonly string[];
  /** An official window asked to print; the launcher prints it with printTarget (no print dialog). */
  readonly onOfficialPrint?: (targetId: string) => void;
}

export interface BrowserSupervisor {
  /** The running browser: its process id, profile folder and debugging connection. */
  current(): { readonly pid: number; readonly profileDir: string; readonly cdp: Cdp } | null;
  /** The visit ended: the official windows it opened close and their origins' data is wiped. */
  closeOfficialWindows(): Promise<void>;
  /** The kiosk page's print view, as PDF bytes (print-page.ts); throws when there is no browser or page. */
  printPage(): Promise<Uint8Array>;
  /** Another page's print view (an official window that asked to print), as PDF bytes. */
  printTarget(targetId: string): Promise<Uint8Array>;
  stop(): void;
}

export function superviseBrowser(binary: string, url: string, options: BrowserSupervisorOptions): BrowserSupervisor {
  let running: { child: ChildProcess; profileDir: string; cdp: Cdp; kill: () => void; guard: Promise<EscapeGuard | null> } | null = null;
  let stopping = false;
  let quickExits = 0;
  const launch = () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'passerelle-browser-'));
    seedKioskProfile(profileDir);
    const startedAt = Date.now();
    const args = [
      ...chromiumKioskArgs(url, profileDir, { kiosk: options.kiosk }),
      '--remote-debugging-pipe',
      ...(options.headless ? ['--headless=new'] : []),
      ...(options.extraArgs ?? []),
    ];
    // Its own process group (not on Windows): killing the browser kills its renderers and helpers with it.
    const group = process.platform !== 'win32';
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: group });
    const kill = () => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const cdp = connectCdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
    // First the keyboard escapes (new windows, dialogs, downloads), then crashes and hangs.
    const guard = guardEscapes(cdp, {
      homeUrl: url,
      log: options.log,
      onKioskGone: kill,
      ...(options.allowlist ? { allowlist: options.allowlist } : {}),
      ...(options.onOfficialPrint ? { onOfficialPrint: options.onOfficialPrint } : {}),
    }).catch(() => {
      options.log.warn('browser.escapeGuardUnavailable', {});
      return null;
    });
    running = { child, profileDir, cdp, kill, guard };
    guardKioskPages(cdp, {
      homeUrl: url,
      log: options.log,
      // A hung page cannot be navigated: the browser goes, and a fresh one (fresh profile) opens the home screen.
      onHung: kill,
      ...(options.hangAfterMs ? { hangAfterMs: options.hangAfterMs } : {}),
      ...(options.checkEveryMs ? { checkEveryMs: options.checkEveryMs } : {}),
    }).catch(() => options.log.warn('browser.guardUnavailable', {}));
    child.on('exit', () => {
      running = null;
      // Chromium's helpers may still be writing for a moment: retry, and never let a leftover stop the supervisor.
      removeProfile(profileDir, options.log);
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
    current: () =>
      running && running.child.pid !== undefined ? { pid: running.child.pid, profileDir: running.profileDir, cdp: running.cdp } : null,
    async closeOfficialWindows() {
      const guard = await running?.guard;
      await guard?.closeOfficialWindows();
    },
    printPage() {
      if (!running) return Promise.reject(new Error('no browser running'));
      return printKioskPage(running.cdp, url);
    },
    printTarget(targetId) {
      if (!running) return Promise.reject(new Error('no browser running'));
      return printTarget(running.cdp, targetId);
    },
    stop() {
      stopping = true;
      running?.cdp.close();
      running?.kill();
    },
  };
}

/** Removes a profile folder, trying again for a few seconds while the browser's last helpers exit. */
function removeProfile(dir: string, log: Logger, triesLeft = 20): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    if (!existsSync(dir)) return;
  } catch {
    // Tried again below.
  }
  if (triesLeft <= 0) return log.warn('browser.profileLeft', {});
  setTimeout(() => removeProfile(dir, log, triesLeft - 1), 200).unref();
}
