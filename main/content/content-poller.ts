// Looks for a new content pack at the site's update source soon after start and then on a schedule, spread by a
// random shift so a fleet does not call at once. The small manifest is asked first (conditionally over HTTP), and the
// pack is fetched and installed, with all the usual checks, only when it describes another pack than the installed one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentCheckOutcome, ContentUpdateStatus } from '../../common/api/types';
import { manifestFileName } from '../../common/content/pack-format';
import type { Logger } from '../core/log';
import type { PackTrust } from './content-pack';
import { installPackFromFolder, installPackFromUrl, packDirs, type InstallResult } from './content-updates';

export interface ContentPollerOptions {
  /** A folder, or the https address of the folder where the pack files are published. */
  readonly source: string;
  readonly intervalMinutes: number;
  readonly dataDir: string;
  readonly trust: PackTrust;
  readonly log: Logger;
  readonly random?: () => number;
  readonly now?: () => Date;
}

export interface CheckResult {
  readonly outcome: ContentCheckOutcome;
  readonly problem: string | null;
  readonly installed: string | null;
}

const maxManifestBytes = 64 * 1024;

/** Between two checks: the interval, shifted by up to 10 % either way. */
export function nextCheckDelayMs(intervalMinutes: number, random: () => number): number {
  return Math.round(intervalMinutes * 60_000 * (0.9 + 0.2 * random()));
}

/** The first check: 5 s after start, plus up to a minute, so kiosks that come back after a power cut spread out. */
export function firstCheckDelayMs(random: () => number): number {
  return 5_000 + Math.round(55_000 * random());
}

export function createContentPoller(options: ContentPollerOptions) {
  const { source, dataDir, trust, log } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const isUrl = /^https?:\/\//i.test(source);
  /** Validators of the last manifest that matched the installed pack: the server can then answer 304. */
  let validators: { etag: string | null; lastModified: string | null } = { etag: null, lastModified: null };
  let running: Promise<CheckResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let status: ContentUpdateStatus = {
    source,
    intervalMinutes: options.intervalMinutes,
    lastCheckAt: null,
    lastOutcome: null,
    lastProblem: null,
    lastInstalled: null,
    nextCheckAt: null,
  };

  const installedSha256 = (): string | null => {
    try {
      return (JSON.parse(readFileSync(join(packDirs(dataDir).current, manifestFileName), 'utf8')) as { sha256?: string }).sha256 ?? null;
    } catch {
      return null;
    }
  };

  const fromInstall = (result: InstallResult): CheckResult =>
    result.ok
      ? { outcome: 'installed', problem: null, installed: result.manifest.version }
      : {
          outcome: result.error === 'content.updateUnreachable' || result.error === 'content.updateUrlInvalid' ? 'unreachable' : 'refused',
          problem: result.error,
          installed: null,
        };

  const checkFolder = (): CheckResult => {
    const manifest = join(source, manifestFileName);
    if (!existsSync(manifest)) return { outcome: 'unreachable', problem: 'content.updateUnreachable', installed: null };
    const published = sha256Of(readFileSync(manifest, 'utf8'));
    if (published !== null && published === installedSha256()) return { outcome: 'up-to-date', problem: null, installed: null };
    return fromInstall(installPackFromFolder(source, dataDir, trust, log));
  };

  const checkUrl = async (): Promise<CheckResult> => {
    const base = source.endsWith('/') ? source : `${source}/`;
    const headers: Record<string, string> = {};
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(manifestFileName, base), { headers, redirect: 'error', signal: AbortSignal.timeout(30_000) });
      if (response.status === 304) return { outcome: 'not-modified', problem: null, installed: null };
      if (!response.ok) return { outcome: 'unreachable', problem: 'content.updateUnreachable', installed: null };
      text = await response.text();
    } catch {
      return { outcome: 'unreachable', problem: 'content.updateUnreachable', installed: null };
    }
    const seen = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    const published = text.length <= maxManifestBytes ? sha256Of(text) : null;
    if (published !== null && published === installedSha256()) {
      validators = seen;
      return { outcome: 'up-to-date', problem: null, installed: null };
    }
    const result = fromInstall(await installPackFromUrl(base, dataDir, trust, log));
    // A refused pack is asked for in full again next time: the publisher may have fixed it.
    validators = result.outcome === 'installed' ? seen : { etag: null, lastModified: null };
    return result;
  };

  /** One check now; a check already under way is shared, never run twice at once. */
  const checkNow = (): Promise<CheckResult> => {
    running ??= (async () => {
      let result: CheckResult;
      try {
        result = isUrl ? await checkUrl() : checkFolder();
      } catch {
        result = { outcome: 'unreachable', problem: 'content.updateFailed', installed: null };
      }
      status = {
        ...status,
        lastCheckAt: now().toISOString(),
        lastOutcome: result.outcome,
        lastProblem: result.problem,
        lastInstalled: result.installed ?? status.lastInstalled,
      };
      const level = result.outcome === 'refused' ? 'warn' : 'info';
      log[level]('content.check', { outcome: result.outcome, ...(result.problem ? { problem: result.problem } : {}) });
      return result;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = (delayMs: number) => {
    status = { ...status, nextCheckAt: new Date(now().getTime() + delayMs).toISOString() };
    timer = setTimeout(() => {
      void checkNow().finally(() => {
        if (timer !== null) schedule(nextCheckDelayMs(options.intervalMinutes, random));
      });
    }, delayMs);
    timer.unref();
  };

  return {
    checkNow,
    status: (): ContentUpdateStatus => status,
    /** Checks soon after start, then every interval (shifted at random). */
    start: () => schedule(firstCheckDelayMs(random)),
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

function sha256Of(manifestText: string): string | null {
  try {
    const sha = (JSON.parse(manifestText) as { sha256?: unknown }).sha256;
    return typeof sha === 'string' ? sha : null;
  } catch {
    return null;
  }
}
