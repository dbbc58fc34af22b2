// Opens a content pack read-only after checking it: manifest, signature, size, checksum, format, counts and every row's JSON.
import Database from 'better-sqlite3';
import { createHash, verify } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  contentPackFormat,
  manifestFileName,
  manifestSchema,
  packFileName,
  packGlossaryJson,
  packItemJson,
  packLimits,
  packPictogramAltJson,
  packPlaceJson,
  signatureFileName,
  type PackManifest,
} from '../../common/content/pack-format';
import type { CheckedPacks } from './checked-packs';

export type PackProblem =
  | 'content.packMissing'
  | 'content.packUnsigned'
  | 'content.packSignatureMismatch'
  | 'content.packCorrupt'
  | 'content.packIncompatible'
  | 'content.packTooLarge'
  | 'content.packNotNewer'
  | 'content.packRolledBack';

export class ContentPackError extends Error {
  override readonly name = 'ContentPackError';
  constructor(
    readonly problem: PackProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

export interface OpenedPack {
  readonly db: Database.Database;
  readonly manifest: PackManifest;
  readonly dir: string;
}

export interface PackTrust {
  /** PEM of the Ed25519 public key packs must be signed with. Without one, no pack is accepted unless `allowUnsigned`. */
  readonly publicKeyPem: string | null;
  /**
   * Accept a pack without a signature: the pack shipped inside the application (trusted as part of the install), or
   * every pack when the site configuration sets the development flag `allowUnsignedPacks`. A signature present is
   * still checked when there is a key.
   */
  readonly allowUnsigned?: boolean;
  readonly nativeBinding?: string;
}

/**
 * Checks a manifest as read from any source, before anything large is read: its size, its signature against the key,
 * its format and its fields. Returns the parsed manifest; throws ContentPackError naming what is wrong.
 */
export function checkManifest(manifestBytes: Buffer, signatureText: string | null, trust: PackTrust): PackManifest {
  if (manifestBytes.length > packLimits.manifestBytes) throw new ContentPackError('content.packTooLarge', 'the manifest is too large');
  if (signatureText === null) {
    if (!trust.allowUnsigned) throw new ContentPackError('content.packUnsigned', 'the pack has no signature');
  } else if (trust.publicKeyPem !== null) {
    const signature = Buffer.from(signatureText.trim(), 'base64');
    if (!verifiesWith(trust.publicKeyPem, manifestBytes, signature))
      throw new ContentPackError('content.packSignatureMismatch', 'the signature does not match the configured public key');
  } else if (!trust.allowUnsigned) {
    throw new ContentPackError('content.packUnsigned', 'no contentPublicKey is configured to check the signature');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw new ContentPackError('content.packCorrupt', 'the manifest is not valid JSON');
  }
  const format = z.looseObject({ format: z.number() }).safeParse(raw);
  if (format.success && format.data.format !== contentPackFormat)
    throw new ContentPackError('content.packIncompatible', `format ${format.data.format}, this kiosk reads ${contentPackFormat}`);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ContentPackError('content.packCorrupt', 'the manifest is not valid');
  return parsed.data;
}

/** Reads a small file of a pack folder, refusing it when larger than `limit`; null when it does not exist. */
function readSmall(file: string, limit: number): Buffer | null {
  if (!existsSync(file)) return null;
  if (statSync(file).size > limit) throw new ContentPackError('content.packTooLarge', `${file} is too large`);
  return readFileSync(file);
}

/**
 * Checks and opens the pack in `dir`; throws ContentPackError naming what is wrong. `hashedOnCopy`: the SHA-256 the
 * install computed while streaming the file in, so it is not read and hashed a second time on the main thread.
 */
/**
 * Opens a pack after checking its manifest, signature, size and checksum, then its database and every row. With
 * `checked`, a file whose checksum is in it (checked row by row at an earlier start) skips the row-by-row checks.
 */
export function openContentPack(dir: string, trust: PackTrust, hashedOnCopy?: string, checked?: CheckedPacks): OpenedPack {
  const packFile = join(dir, packFileName);
  const manifestFile = join(dir, manifestFileName);
  if (!existsSync(packFile) || !existsSync(manifestFile))
    throw new ContentPackError('content.packMissing', `no ${packFileName} with its manifest in ${dir}`);
  const manifestBytes = readSmall(manifestFile, packLimits.manifestBytes) ?? Buffer.alloc(0);
  const signature = readSmall(join(dir, signatureFileName), packLimits.signatureBytes);
  const manifest = checkManifest(manifestBytes, signature?.toString('utf8') ?? null, trust);
  if (statSync(packFile).size !== manifest.bytes)
    throw new ContentPackError('content.packCorrupt', 'the pack file does not have the size its manifest gives');
  const sha256 = hashedOnCopy ?? createHash('sha256').update(readFileSync(packFile)).digest('hex');
  if (sha256 !== manifest.sha256) throw new ContentPackError('content.packCorrupt', 'the pack file does not match its manifest checksum');

  const db = new Database(packFile, {
    readonly: true,
    fileMustExist: true,
    ...(trust.nativeBinding ? { nativeBinding: trust.nativeBinding } : {}),
  });
  try {
    const known = checked?.has(sha256) ?? false;
    if (!known && db.pragma('quick_check', { simple: true }) !== 'ok') throw new ContentPackError('content.packCorrupt', 'quick_check failed');
    const rows = db
      .prepare<[], { locale: string; kind: string; n: number }>('SELECT locale, kind, count(*) AS n FROM item GROUP BY locale, kind')
      .all();
    const words = db.prepare<[], { locale: string; n: number }>('SELECT locale, count(*) AS n FROM glossary GROUP BY locale').all();
    for (const [locale, counts] of Object.entries(manifest.counts)) {
      const found = {
        topics: rows.find((r) => r.locale === locale && r.kind === 'topic')?.n ?? 0,
        journeys: rows.find((r) => r.locale === locale && r.kind === 'journey')?.n ?? 0,
        glossary: words.find((r) => r.locale === locale)?.n ?? 0,
      };
      if (found.topics !== counts.topics || found.journeys !== counts.journeys || found.glossary !== counts.glossary) {
        throw new ContentPackError('content.packCorrupt', `counts for ${locale} do not match the manifest`);
      }
    }
    // Search reads one locale as one rowid range: the items of each locale must be consecutive.
    const interleaved = db
      .prepare<[], number>(
        `SELECT count(*) FROM item AS i JOIN (SELECT locale, min(rowid) AS first, max(rowid) AS last FROM item GROUP BY locale) AS r
         ON i.rowid BETWEEN r.first AND r.last AND i.locale <> r.locale`,
      )
      .pluck()
      .get();
    if (interleaved !== 0) throw new ContentPackError('content.packCorrupt', 'the items of a language are not consecutive');
    if (!known) {
      checkRowsJson(db);
      checked?.add(sha256);
    }
    return { db, manifest, dir };
  } catch (error) {
    db.close();
    if (error instanceof ContentPackError) throw error;
    throw new ContentPackError('content.packCorrupt', (error as Error).message);
  }
}

/** Every JSON column of every row must have the shape the screens read: one bad row refuses the whole pack. */
function checkRowsJson(db: Database.Database): void {
  const valid = (schema: z.ZodType, text: string): boolean => {
    try {
      return schema.safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  };
  const items = db.prepare<[], { kind: 'topic' | 'journey'; sources: string; data: string }>('SELECT kind, sources, data FROM item');
  for (const row of items.iterate()) {
    if (!valid(packItemJson[row.kind], row.data) || !valid(packItemJson.sources, row.sources))
      throw new ContentPackError('content.packCorrupt', 'an item holds JSON the kiosk cannot read');
  }
  for (const word of db.prepare<[], { short: string; long: string | null }>('SELECT short, long FROM glossary').iterate()) {
    if (!valid(packGlossaryJson.short, word.short) || (word.long !== null && !valid(packGlossaryJson.long, word.long)))
      throw new ContentPackError('content.packCorrupt', 'a glossary word holds JSON the kiosk cannot read');
  }
  for (const data of db.prepare<[], string>('SELECT data FROM place').pluck().iterate()) {
    if (!valid(packPlaceJson, data)) throw new ContentPackError('content.packCorrupt', 'a place holds JSON the kiosk cannot read');
  }
  for (const alt of db.prepare<[], string>('SELECT alt FROM pictogram').pluck().iterate()) {
    if (!valid(packPictogramAltJson, alt))
      throw new ContentPackError('content.packCorrupt', 'a pictogram holds JSON the kiosk cannot read');
  }
}

function verifiesWith(publicKeyPem: string, data: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, data, publicKeyPem, signature);
  } catch {
    // A malformed key or signature is a mismatch, not a crash.
    return false;
  }
}
