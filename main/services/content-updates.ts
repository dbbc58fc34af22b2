// Installs a new content pack from a folder (a USB stick) only if it checks out, swapping it in atomically
// and keeping the previous pack for rollback; otherwise the current pack keeps serving.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFileName, packFileName, signatureFileName, type PackManifest } from '../db/content-pack-format';
import type { Logger } from '../log';
import { ContentPackError, openContentPack, type PackProblem, type PackTrust } from './content-pack';

export type InstallResult = { readonly ok: true; readonly manifest: PackManifest } | { readonly ok: false; readonly error: PackProblem };

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
  for (const name of packFiles) {
    if (existsSync(join(sourceDir, name))) copyFileSync(join(sourceDir, name), join(dirs.incoming, name));
  }
  let manifest: PackManifest;
  try {
    // Checked in its own copy: a stick pulled out half-way cannot change what was checked.
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
