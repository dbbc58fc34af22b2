// Looks for a new content pack at the site's update source soon after start and then on a schedule, spread by a
// random shift so a fleet does not call at once. The small manifest is asked first (conditionally over HTTP), and the
// pack is fetched and installed, with all the usual checks, only when it describes another pack than the installed one.
// A manifest already refused is not tried again until it changes (or, when the pack itself was bad, after a back-off).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentCheckOutcome, ContentUpdateStatus } from '../../common/api/types';
import { manifestFileName, packLimits, signatureFileName } from '../../common/content/pack-format';
import type { Logger } from '../core/log';
import type { PackTrust } from './content-pack';
import { installPack, packDirs, parseUpdateUrl, type InstallResult } from './content-updates';
import { folderSource, SourceError, urlSource, type PackSource } from './pack-sources';
import { isoNow, systemClock, type Clock } from '../core/clock';

export interface ContentPollerOptions {
  /** A folder, or the https address of the folder where the pack files are published. */
  readonly source: string;
  readonly intervalMinutes: number;
  readonly dataDir: string;
  readonly trust: PackTrust;
  readonly log: Logger;
  readonly random?: () => number;
  readonly now?: Clock;
}

export interface CheckResult {
  readonly outcome: ContentCheckOutcome;
  readonly problem: string | null;
  readonly installed: string | null;
}

/** A refused manifest (with its signature): not tried again before `retryAt` (never, while it is the same, if its own content was refused). */
interface Held {
  readonly key: string;
  readonly result: CheckResult;
  readonly retryAt: number;
  readonly failures: number;
}

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
  const now = options.now ?? systemClock;
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
  let held: Held | null = null;
  const unreachable: CheckResult = { outcome: 'unreachable', problem: 'content.updateUnreachable', installed: null };

  const fromInstall = (result: InstallResult): CheckResult =>
    result.ok
      ? { outcome: 'installed', problem: null, installed: result.manifest.version }
      : {
          outcome: result.error === 'content.updateUnreachable' || result.error === 'content.updateUrlInvalid' ? 'unreachable' : 'refused',
          problem: result.error,
          installed: null,
        };

  /** Reads the manifest and signature (capped), and installs the pack they describe unless it is installed or held back. */
  const checkSource = async (packSource: PackSource, manifest: Buffer | null): Promise<CheckResult> => {
    let signature: Buffer | null;
    try {
      manifest ??= await packSource.readSmall(manifestFileName, packLimits.manifestBytes);
      if (manifest === null) return unreachable;
      signature = await packSource.readSmall(signatureFileName, packLimits.signatureBytes);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      return error.why === 'too-large' ? { outcome: 'refused', problem: 'content.packTooLarge', installed: null } : unreachable;
    }
    const published = sha256Of(manifest.toString('utf8'));
    if (published !== null && published === installedSha256()) return { outcome: 'up-to-date', problem: null, installed: null };
    const key = createHash('sha256')
      .update(manifest)
      .update('\0')
      .update(signature ?? '')
      .digest('hex');
    if (held?.key === key && now() < held.retryAt) return held.result;

    const installed = await installPack(packSource, dataDir, trust, log, { automatic: true, read: { manifest, signature } });
    const result = fromInstall(installed);
    if (installed.ok || result.outcome === 'unreachable') {
      held = null;
    } else {
      // What the signed manifest says does not change until the publisher changes it: no need to try it again.
      // A pack file that did not match may still be arriving (a stick being copied): tried again, less and less often.
      const failures = held?.key === key ? held.failures + 1 : 1;
      const backOffMs = Math.min(24 * 60, options.intervalMinutes * 2 ** (failures - 1)) * 60_000;
      held = { key, result, failures, retryAt: installed.stage === 'manifest' ? Infinity : now() + backOffMs };
    }
    return result;
  };

  const checkFolder = (): Promise<CheckResult> => checkSource(folderSource(source), null);

  const checkUrl = async (): Promise<CheckResult> => {
    const base = parseUpdateUrl(source);
    if (!base) return { outcome: 'unreachable', problem: 'content.updateUrlInvalid', installed: null };
    const headers: Record<string, string> = {};
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    let response: Response;
    let manifest: Buffer;
    try {
      response = await fetch(new URL(manifestFileName, base), { headers, redirect: 'error', signal: AbortSignal.timeout(30_000) });
      if (response.status === 304) return { outcome: 'not-modified', problem: null, installed: null };
      if (!response.ok || !response.body) return unreachable;
      manifest = await readCapped(response, packLimits.manifestBytes);
    } catch (error) {
      if (error instanceof SourceError && error.why === 'too-large')
        return { outcome: 'refused', problem: 'content.packTooLarge', installed: null };
      return unreachable;
    }
    const seen = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    const result = await checkSource(urlSource(base), manifest);
    // Validators are kept for the installed pack only: a refused one is asked for in full (a few kB) and compared.
    validators = result.outcome === 'installed' || result.outcome === 'up-to-date' ? seen : { etag: null, lastModified: null };
    return result;
  };

  /** One check now; a check already under way is shared, never run twice at once. */
  const checkNow = (): Promise<CheckResult> => {
    running ??= (async () => {
      let result: CheckResult;
      try {
        result = isUrl ? await checkUrl() : await checkFolder();
      } catch {
        result = { outcome: 'unreachable', problem: 'content.updateFailed', installed: null };
      }
      status = {
        ...status,
        lastCheckAt: isoNow(now),
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
    status = { ...status, nextCheckAt: new Date(now() + delayMs).toISOString() };
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

/** The body of a response, refused as soon as it passes `limit` bytes. */
async function readCapped(response: Response, limit: number): Promise<Buffer> {
  if (Number(response.headers.get('content-length') ?? '0') > limit) {
    await response.body?.cancel();
    throw new SourceError('too-large');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > limit) throw new SourceError('too-large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sha256Of(manifestText: string): string | null {
  try {
    const sha = (JSON.parse(manifestText) as { sha256?: unknown }).sha256;
    return typeof sha === 'string' ? sha : null;
  } catch {
    return null;
  }
}
