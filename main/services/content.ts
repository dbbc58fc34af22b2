// Serves the content pack: the newest installed pack that checks out, else the previous one, else the one shipped.
import type Database from 'better-sqlite3';
import type { Handlers } from '../api/contract';
import { fail, ok } from '../api/result';
import type { ContentItem, GlossaryWord, HelpPlace, ItemSummary, Locale, NeedItems } from '../api/types';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFileName, type PackManifest } from '../db/content-pack-format';
import type { Logger } from '../log';
import { ContentPackError, openContentPack, type OpenedPack, type PackProblem, type PackTrust } from './content-pack';
import { packDirs } from './content-updates';
import { createSearch, type Search } from './search';

export interface ContentServiceOptions {
  readonly dataDir: string;
  /** The pack shipped with the app: checked by its checksum, trusted without a signature. */
  readonly bundledPackDir: string | null;
  readonly trust: PackTrust;
  readonly log: Logger;
}

interface ItemRow {
  id: string;
  kind: 'topic' | 'journey';
  need: string;
  title: string;
  summary: string;
  pictogram: string;
  sensitive: number;
  sources: string;
  verified_at: string | null;
  review_by: string;
  data: string;
}

function openBest(options: ContentServiceOptions): { pack: OpenedPack | null; problem: PackProblem | null } {
  const dirs = packDirs(options.dataDir);
  const candidates: [string, PackTrust][] = [
    [dirs.current, options.trust],
    [dirs.previous, options.trust],
    ...(options.bundledPackDir ? ([[options.bundledPackDir, { ...options.trust, publicKeyPem: null }]] as [string, PackTrust][]) : []),
  ];
  let problem: PackProblem | null = null;
  for (const [dir, trust] of candidates) {
    try {
      return { pack: openContentPack(dir, trust), problem: null };
    } catch (error) {
      if (!(error instanceof ContentPackError)) throw error;
      if (error.problem !== 'content.packMissing') options.log.warn('content.packSkipped', { problem: error.problem });
      problem = problem && problem !== 'content.packMissing' ? problem : error.problem;
    }
  }
  return { pack: null, problem: problem ?? 'content.packMissing' };
}

/** When the installed pack last changed (its manifest's time), or 0 when none is installed. */
function installedStamp(dataDir: string): number {
  try {
    return statSync(join(packDirs(dataDir).current, manifestFileName)).mtimeMs;
  } catch {
    return 0;
  }
}

export function createContentService(options: ContentServiceOptions, now: () => number = Date.now) {
  let stamp = installedStamp(options.dataDir);
  let { pack, problem } = openBest(options);
  let queries = pack ? prepare(pack.db) : null;
  let checkedAt = now();
  if (pack) options.log.info('content.loaded', { version: pack.manifest.version });
  else options.log.error('content.noPack', { problem: problem ?? 'content.packMissing' });

  /** A pack installed while the kiosk runs (USB, web) is picked up at the next call, checked once a second at most. */
  const fresh = () => {
    if (now() - checkedAt < 1000) return queries;
    checkedAt = now();
    const latest = installedStamp(options.dataDir);
    if (latest === stamp) return queries;
    stamp = latest;
    const next = openBest(options);
    if (next.pack) {
      pack?.db.close();
      ({ pack, problem } = next);
      queries = prepare(next.pack.db);
      options.log.info('content.loaded', { version: next.pack.manifest.version });
    }
    return queries;
  };
  const missing = () => fail(problem ?? 'content.packMissing');

  const handlers = {
    'content.needs': ({ locale }) => {
      const q = fresh();
      return q ? ok(q.needs(locale)) : missing();
    },
    'content.item': ({ locale, id }) => {
      const q = fresh();
      if (!q) return missing();
      const item = q.item(locale, id);
      return item ? ok(item) : fail('content.notFound');
    },
    'content.places': () => {
      const q = fresh();
      return q ? ok(q.places()) : missing();
    },
    'content.search': ({ locale, query }) => {
      const q = fresh();
      return q ? ok(q.search.search(query, locale)) : missing();
    },
  } satisfies Pick<Handlers, 'content.needs' | 'content.item' | 'content.places' | 'content.search'>;

  return {
    handlers,
    manifest: (): PackManifest | null => pack?.manifest ?? null,
    problem: (): PackProblem | null => problem,
    close: () => pack?.db.close(),
  };
}

function prepare(db: Database.Database) {
  const search: Search = createSearch(db);
  const list = db.prepare<[string], ItemRow>('SELECT * FROM item WHERE locale = ? ORDER BY need, kind DESC, rowid');
  const one = db.prepare<[string, string], ItemRow>('SELECT * FROM item WHERE locale = ? AND id = ?');
  const words = db.prepare<[string], GlossaryWord & { locale: string }>('SELECT id, word, short, long FROM glossary WHERE locale = ?');
  const placeRows = db.prepare<[], string>('SELECT data FROM place ORDER BY rowid').pluck();
  // A pack is read-only: the pictogram texts are read once, not once per listed item.
  const pictogramAlts = new Map(
    db
      .prepare<[], { id: string; alt: string }>('SELECT id, alt FROM pictogram')
      .all()
      .map((p) => [p.id, JSON.parse(p.alt) as Record<string, string>]),
  );

  const summaryOf = (row: ItemRow, locale: Locale): ItemSummary => ({
    id: row.id,
    kind: row.kind,
    need: row.need,
    title: row.title,
    summary: row.summary,
    pictogram: row.pictogram,
    pictogramAlt: pictogramAlts.get(row.pictogram)?.[locale] ?? '',
    sensitive: row.sensitive === 1,
  });

  return {
    search,
    places: (): HelpPlace[] => placeRows.all().map((data) => JSON.parse(data) as HelpPlace),
    needs(locale: Locale): NeedItems[] {
      const byNeed = new Map<string, ItemSummary[]>();
      for (const row of list.all(locale)) byNeed.set(row.need, [...(byNeed.get(row.need) ?? []), summaryOf(row, locale)]);
      return [...byNeed].map(([need, items]) => ({ need, items }));
    },
    item(locale: Locale, id: string): ContentItem | null {
      const inLocale = one.get(locale, id);
      const row = inLocale ?? one.get('fr', id);
      if (!row) return null;
      const glossary = Object.fromEntries(
        words.all(inLocale ? locale : 'fr').map((w) => [w.id, { id: w.id, word: w.word, short: w.short, long: w.long }]),
      );
      return {
        ...summaryOf(row, locale),
        sources: JSON.parse(row.sources) as string[],
        verifiedAt: row.verified_at,
        reviewBy: row.review_by,
        fallback: !inLocale,
        body: JSON.parse(row.data) as ContentItem['body'],
        glossary,
      };
    },
  };
}
