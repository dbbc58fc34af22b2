// Installs a new content pack from a folder (a USB stick) or a web server only if it checks out, swapping it in atomically
// and keeping the previous pack for rollback; otherwise the current pack keeps serving.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFileName, packFileName, signatureFileName, type PackManifest } from '../../common/content/pack-format';
import type { Logger } from '../core/log';
import { ContentPackError, openContentPack, type PackProblem, type PackTrust } from './content-pack';

export type UpdateProblem = PackProblem | 'content.updateUrlInvalid' | 'content.updateUnreachable';
export type InstallResult = { readonly ok: true; readonly manifest: PackManifest } | { readonly ok: false; readonly error: UpdateProblem };

const packFiles = [packFileName, manifestFileName, signatureFileName];

/** Layout under the data folder: packs/current, packs/previous, packs/incoming. */
export function packDirs(dataDir: string) {
  const root = join(dataDir, 'packs');
  return { root, current: join(root, 'current'), previous: join(root, 'previous'), incoming: join(root, 'incoming') };
}

export function installPackFromFolder(sourceDir: string, dataDir: string, trust: PackTrust, log: Logger): InstallResult {
  const dirs = packDirs(dataDir);
  rmSync(dirs.incoming, { recursive: true, force: true });
  mkdirSync(dirs.incoming, { recursive: true });
  // Checked in its own copy: a stick pulled out half-way, or a file changed after the check, cannot slip in.
  for (const name of packFiles) {
    if (existsSync(join(sourceDir, name))) copyFileSync(join(sourceDir, name), join(dirs.incoming, name));
  }
  return promoteIncoming(dataDir, trust, log);
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
  maxBytes = 256 * 1024 * 1024,
): Promise<InstallResult> {
  const base = parseUpdateUrl(baseUrl);
  if (!base) {
    log.warn('content.updateRefused', { problem: 'content.updateUrlInvalid' });
    return { ok: false, error: 'content.updateUrlInvalid' };
  }
  const dirs = packDirs(dataDir);
  rmSync(dirs.incoming, { recursive: true, force: true });
  mkdirSync(dirs.incoming, { recursive: true });
  for (const name of packFiles) {
    const problem = await download(new URL(name, base), join(dirs.incoming, name), maxBytes);
    if (problem === 'missing' && name === signatureFileName) continue;
    if (problem) {
      rmSync(dirs.incoming, { recursive: true, force: true });
      log.warn('content.updateRefused', { problem: 'content.updateUnreachable', file: name, why: problem });
      return { ok: false, error: 'content.updateUnreachable' };
    }
  }
  return promoteIncoming(dataDir, trust, log);
}

function parseUpdateUrl(text: string): URL | null {
  try {
    const url = new URL(text.endsWith('/') ? text : `${text}/`);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? url : null;
  } catch {
    return null;
  }
}

async function download(url: URL, file: string, maxBytes: number): Promise<null | 'missing' | 'failed' | 'too-large'> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(120_000) });
  } catch {
    return 'failed';
  }
  if (response.status === 404) return 'missing';
  if (!response.ok || !response.body) return 'failed';
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return 'too-large';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) return 'too-large';
    chunks.push(chunk);
  }
  writeFileSync(file, Buffer.concat(chunks));
  return null;
}

/** Checks the pack in packs/incoming; if good, it becomes current and the current one becomes previous. */
function promoteIncoming(dataDir: string, trust: PackTrust, log: Logger): InstallResult {
  const dirs = packDirs(dataDir);
  let manifest: PackManifest;
  try {
    const opened = openContentPack(dirs.incoming, trust);
    manifest = opened.manifest;
    opened.db.close();
  } catch (error) {
    rmSync(dirs.incoming, { recursive: true, force: true });
    const problem = error instanceof ContentPackError ? error.problem : 'content.packCorrupt';
    log.warn('content.updateRefused', { problem });
    return { ok: false, error: problem };
  }
  rmSync(dirs.previous, { recursive: true, force: true });
  if (existsSync(dirs.current)) renameSync(dirs.current, dirs.previous);
  renameSync(dirs.incoming, dirs.current);
  log.info('content.updated', { version: manifest.version });
  return { ok: true, manifest };
}

/** Puts the previous pack back in place of the current one. */
export function rollbackPack(dataDir: string, log: Logger): boolean {
  const dirs = packDirs(dataDir);
  if (!existsSync(dirs.previous)) return false;
  const aside = `${dirs.current}.rolled-back`;
  rmSync(aside, { recursive: true, force: true });
  if (existsSync(dirs.current)) renameSync(dirs.current, aside);
  renameSync(dirs.previous, dirs.current);
  rmSync(aside, { recursive: true, force: true });
  log.info('content.rolledBack', {});
  return true;
}
