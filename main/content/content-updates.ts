// Installs a new content pack from a folder (a USB stick) or a web server only if it checks out and is newer than the
// installed one, swapping it in atomically and keeping the previous pack for rollback; otherwise the current pack keeps serving.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFileName, packFileName, packLimits, signatureFileName, type PackManifest } from '../../common/content/pack-format';
import type { Logger } from '../core/log';
import { checkManifest, ContentPackError, openContentPack, type PackProblem, type PackTrust } from './content-pack';
import { checkedPacksIn } from './checked-packs';
import { folderSource, SourceError, urlSource, type PackSource } from './pack-sources';

export type UpdateProblem = PackProblem | 'content.updateUrlInvalid' | 'content.updateUnreachable';
export type InstallResult =
  | { readonly ok: true; readonly manifest: PackManifest }
  | {
      readonly ok: false;
      readonly error: UpdateProblem;
      /** "manifest": refused on what the manifest and its signature say, before the pack was read; "pack": after. */
      readonly stage?: 'manifest' | 'pack';
    };

export interface InstallOptions {
  /**
   * An automatic check (the poller) also refuses a pack the admin rolled back from; an admin's own install does not.
   */
  readonly automatic?: boolean;
  readonly maxPackBytes?: number;
  /** The manifest and signature already read from this source by the caller (the poller reads them to compare). */
  readonly read?: { readonly manifest: Buffer; readonly signature: Buffer | null };
}

/** Layout under the data folder: packs/current, packs/previous, packs/incoming, and packs/high-water.json. */
export function packDirs(dataDir: string) {
  const root = join(dataDir, 'packs');
  return {
    root,
    current: join(root, 'current'),
    previous: join(root, 'previous'),
    incoming: join(root, 'incoming'),
    highWater: join(root, 'high-water.json'),
  };
}

/** The sequence of the pack installed in the data folder, or 0 when there is none that can be read. */
export function installedSequence(dataDir: string): number {
  try {
    const manifest = JSON.parse(readFileSync(join(packDirs(dataDir).current, manifestFileName), 'utf8')) as { sequence?: unknown };
    return typeof manifest.sequence === 'number' ? manifest.sequence : 0;
  } catch {
    return 0;
  }
}

/**
 * The highest sequence ever installed here. Above the installed pack's only after the admin went back (`--rollback`,
 * or `current` and `previous` renamed by hand): automatic checks then do not bring that pack, or an older one, back.
 */
export function highWaterSequence(dataDir: string): number {
  try {
    const mark = JSON.parse(readFileSync(packDirs(dataDir).highWater, 'utf8')) as { sequence?: unknown };
    return typeof mark.sequence === 'number' ? mark.sequence : 0;
  } catch {
    return 0;
  }
}

function raiseHighWater(dataDir: string, sequence: number): void {
  if (sequence <= highWaterSequence(dataDir)) return;
  writeFileSync(packDirs(dataDir).highWater, `${JSON.stringify({ sequence })}\n`);
}

export function installPackFromFolder(
  sourceDir: string,
  dataDir: string,
  trust: PackTrust,
  log: Logger,
  options: InstallOptions = {},
): Promise<InstallResult> {
  return installPack(folderSource(sourceDir), dataDir, trust, log, options);
}

/**
 * Downloads a pack published on a web server (`<base>/content-pack.manifest.json`, `.sig`, `.sqlite`) and installs it
 * like one from a folder. HTTPS only, except on this machine's loopback (tests, a local mirror).
 */
export async function installPackFromUrl(
  baseUrl: string,
  dataDir: string,
  trust: PackTrust,
  log: Logger,
  options: InstallOptions = {},
): Promise<InstallResult> {
  const base = parseUpdateUrl(baseUrl);
  if (!base) {
    log.warn('content.updateRefused', { problem: 'content.updateUrlInvalid' });
    return { ok: false, error: 'content.updateUrlInvalid' };
  }
  return installPack(urlSource(base), dataDir, trust, log, options);
}

export function parseUpdateUrl(text: string): URL | null {
  try {
    const url = new URL(text.endsWith('/') ? text : `${text}/`);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? url : null;
  } catch {
    return null;
  }
}

/**
 * The order matters: the small manifest and its signature are read (capped) and checked first, then whether the pack is
 * newer, and only then is the pack streamed into packs/incoming, hashed on the way and opened with every check.
 */
export async function installPack(
  source: PackSource,
  dataDir: string,
  trust: PackTrust,
  log: Logger,
  options: InstallOptions = {},
): Promise<InstallResult> {
  const dirs = packDirs(dataDir);
  const refuse = (error: UpdateProblem, stage: 'manifest' | 'pack', why?: string): InstallResult => {
    rmSync(dirs.incoming, { recursive: true, force: true });
    log.warn('content.updateRefused', { problem: error, ...(why ? { why } : {}) });
    return { ok: false, error, stage };
  };
  let read = options.read;
  try {
    if (!read) {
      const manifestBytes = await source.readSmall(manifestFileName, packLimits.manifestBytes);
      if (manifestBytes === null) return refuse('content.updateUnreachable', 'pack', 'missing');
      read = { manifest: manifestBytes, signature: await source.readSmall(signatureFileName, packLimits.signatureBytes) };
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return error.why === 'too-large' ? refuse('content.packTooLarge', 'manifest') : refuse('content.updateUnreachable', 'pack', error.why);
  }

  let manifest: PackManifest;
  try {
    manifest = checkManifest(read.manifest, read.signature?.toString('utf8') ?? null, trust);
    if (manifest.bytes > (options.maxPackBytes ?? packLimits.packBytes))
      throw new ContentPackError('content.packTooLarge', 'the pack is larger than this kiosk accepts');
    if (manifest.sequence <= installedSequence(dataDir))
      throw new ContentPackError('content.packNotNewer', 'not newer than the installed pack');
    if (options.automatic && manifest.sequence <= highWaterSequence(dataDir))
      throw new ContentPackError('content.packRolledBack', 'the admin rolled back from this pack');
  } catch (error) {
    if (!(error instanceof ContentPackError)) throw error;
    return refuse(error.problem, 'manifest');
  }

  rmSync(dirs.incoming, { recursive: true, force: true });
  mkdirSync(dirs.incoming, { recursive: true });
  // The bytes that were checked are written, not read again from a source that may have changed since.
  writeFileSync(join(dirs.incoming, manifestFileName), read.manifest);
  if (read.signature) writeFileSync(join(dirs.incoming, signatureFileName), read.signature);
  let sha256: string;
  try {
    sha256 = await source.copy(packFileName, join(dirs.incoming, packFileName), manifest.bytes);
    if (sha256 !== manifest.sha256) return refuse('content.packCorrupt', 'pack', 'checksum');
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return error.why === 'wrong-size'
      ? refuse('content.packCorrupt', 'pack', 'wrong-size')
      : refuse('content.updateUnreachable', 'pack', error.why);
  }
  return promoteIncoming(dataDir, trust, log, sha256);
}

/** Checks the pack in packs/incoming with every check; if good, it becomes current and the current one becomes previous. */
function promoteIncoming(dataDir: string, trust: PackTrust, log: Logger, hashedOnCopy: string): InstallResult {
  const dirs = packDirs(dataDir);
  let manifest: PackManifest;
  try {
    // Checked row by row here, and listed as checked: the service opening it next reads it without checking it again.
    const opened = openContentPack(dirs.incoming, trust, hashedOnCopy, checkedPacksIn(dataDir));
    manifest = opened.manifest;
    opened.db.close();
  } catch (error) {
    rmSync(dirs.incoming, { recursive: true, force: true });
    const problem = error instanceof ContentPackError ? error.problem : 'content.packCorrupt';
    log.warn('content.updateRefused', { problem });
    return { ok: false, error: problem, stage: 'pack' };
  }
  rmSync(dirs.previous, { recursive: true, force: true });
  raiseHighWater(dataDir, installedSequence(dataDir));
  if (existsSync(dirs.current)) renameSync(dirs.current, dirs.previous);
  renameSync(dirs.incoming, dirs.current);
  raiseHighWater(dataDir, manifest.sequence);
  log.info('content.updated', { version: manifest.version, sequence: manifest.sequence });
  return { ok: true, manifest };
}

/**
 * Puts the previous pack back in place of the current one (the admin's `--rollback`). The high-water mark keeps the
 * pack it rolled back from: automatic checks will not install it, or anything older, again; a newer one as usual.
 */
export function rollbackPack(dataDir: string, log: Logger): boolean {
  const dirs = packDirs(dataDir);
  if (!existsSync(dirs.previous)) return false;
  const from = installedSequence(dataDir);
  raiseHighWater(dataDir, from);
  const held = highWaterSequence(dataDir);
  const aside = `${dirs.current}.rolled-back`;
  rmSync(aside, { recursive: true, force: true });
  if (existsSync(dirs.current)) renameSync(dirs.current, aside);
  renameSync(dirs.previous, dirs.current);
  rmSync(aside, { recursive: true, force: true });
  log.info('content.rolledBack', { from, held });
  return true;
}
