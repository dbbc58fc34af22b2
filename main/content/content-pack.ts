// Opens a content pack read-only after checking it: manifest, signature, checksum, format and counts.
import Database from 'better-sqlite3';
import { createHash, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { contentPackFormat, manifestFileName, packFileName, signatureFileName, type PackManifest } from '../../common/content/pack-format';

export type PackProblem =
  'content.packMissing' | 'content.packUnsigned' | 'content.packSignatureMismatch' | 'content.packCorrupt' | 'content.packIncompatible';

export class ContentPackError extends Error {
  override readonly name = 'ContentPackError';
  constructor(
    readonly problem: PackProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

const countsSchema = z
  .object({ topics: z.number().int().min(0), journeys: z.number().int().min(0), glossary: z.number().int().min(0) })
  .strict();
const manifestSchema = z
  .object({
    format: z.number().int(),
    version: z.string().min(1).max(64),
    createdAt: z.string(),
    locales: z.array(z.string()).min(1),
    counts: z.record(z.string(), countsSchema),
    places: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export interface OpenedPack {
  readonly db: Database.Database;
  readonly manifest: PackManifest;
  readonly dir: string;
}

export interface PackTrust {
  /** PEM of the Ed25519 public key packs must be signed with; null accepts unsigned packs (development builds only). */
  readonly publicKeyPem: string | null;
  readonly nativeBinding?: string;
}

/** Checks and opens the pack in `dir`; throws ContentPackError naming what is wrong. */
export function openContentPack(dir: string, trust: PackTrust): OpenedPack {
  const packFile = join(dir, packFileName);
  const manifestFile = join(dir, manifestFileName);
  if (!existsSync(packFile) || !existsSync(manifestFile))
    throw new ContentPackError('content.packMissing', `no ${packFileName} with its manifest in ${dir}`);
  const manifestBytes = readFileSync(manifestFile);
  if (trust.publicKeyPem !== null) {
    const signatureFile = join(dir, signatureFileName);
    if (!existsSync(signatureFile)) throw new ContentPackError('content.packUnsigned', 'the pack has no signature');
    const signature = Buffer.from(readFileSync(signatureFile, 'utf8').trim(), 'base64');
    if (!verifiesWith(trust.publicKeyPem, manifestBytes, signature))
      throw new ContentPackError('content.packSignatureMismatch', 'the signature does not match the configured public key');
  }
  let manifest: PackManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch {
    throw new ContentPackError('content.packCorrupt', 'the manifest is not valid');
  }
  if (manifest.format !== contentPackFormat)
    throw new ContentPackError('content.packIncompatible', `format ${manifest.format}, this kiosk reads ${contentPackFormat}`);
  const sha256 = createHash('sha256').update(readFileSync(packFile)).digest('hex');
  if (sha256 !== manifest.sha256) throw new ContentPackError('content.packCorrupt', 'the pack file does not match its manifest checksum');

  const db = new Database(packFile, {
    readonly: true,
    fileMustExist: true,
    ...(trust.nativeBinding ? { nativeBinding: trust.nativeBinding } : {}),
  });
  try {
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new ContentPackError('content.packCorrupt', 'quick_check failed');
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
    return { db, manifest, dir };
  } catch (error) {
    db.close();
    if (error instanceof ContentPackError) throw error;
    throw new ContentPackError('content.packCorrupt', (error as Error).message);
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
