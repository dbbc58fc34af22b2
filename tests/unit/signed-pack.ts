// Builds the mini fixture content into a pack in `dir` and signs it with the given key: a pack as a site would publish it.
// `alterSignedPack` changes a built pack's SQLite file and signs it again, as a publisher (or a stolen key) would.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signPack } from '../../build/content/sign';
import { buildContentPack } from '../../build/scripts/content-build';
import { manifestFileName, packFileName } from '../../common/content/pack-format';

export const miniContent = join(import.meta.dirname, '..', 'fixtures', 'content-mini');

export function buildSignedPack(dir: string, privateKeyPem: string, sequence?: number): string {
  buildContentPack(miniContent, dir, { sequence });
  signPack(dir, privateKeyPem);
  return dir;
}

/** Runs `edit` on the pack file of `dir`, then writes its new size and checksum in the manifest and signs it again. */
export function alterSignedPack(dir: string, privateKeyPem: string, edit: (db: Database.Database) => void): string {
  const file = join(dir, packFileName);
  const db = new Database(file);
  edit(db);
  db.close();
  const manifestFile = join(dir, manifestFileName);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  const bytes = 'bytes' in manifest ? { bytes: statSync(file).size } : {};
  writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, ...bytes, sha256 }, null, 2)}\n`);
  signPack(dir, privateKeyPem);
  return dir;
}
