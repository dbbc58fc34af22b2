// Serves the content pack: the newest installed pack that checks out, else the previous one, else the one shipped.
// Addresses of a pack that are not on an official domain are never handed to the screens (no label, no QR code).
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../common/api/result';
import type {
  ContentItem,
  GlossaryWord,
  HelpPlace,
  ItemSummary,
  JourneyBody,
  Locale,
  NeedItems,
  SearchAnswer,
  TopicBody,
} from '../../common/api/types';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '../core/clock';
import { manifestFileName, type PackManifest } from '../../common/content/pack-format';
import { isOfficialUrl } from '../../common/content/official-domains';
import type { Logger } from '../core/log';
import { ContentPackError, openContentPack, type OpenedPack, type PackProblem, type PackTrust } from './content-pack';
import { highWaterSequence, installedSequence, packDirs } from './content-updates';
import { createSearch, type Search } from './search';
import { checkedPacksIn } from './checked-packs';

export interface ContentServiceOptions {
  readonly dataDir: string;
  /** The pack shipped with the app: checked by its checksum, trusted without a signature. */
  readonly bundledPackDir: string | null;
  readonly trust: PackTrust;
  readonly log: Logger;
  /** Registrable domains the site adds to the built-in official list (site configuration `officialDomains`). */
  readonly officialDomains?: readonly string[];
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

/** Why no pack can be served, as the API names it: a pack too large to open counts as corrupt. */
type ServingProblem = Exclude<PackProblem, 'content.packTooLarge' | 'content.packNotNewer' | 'content.packRolledBack'>;
const servingProblem = (problem: PackProblem): ServingProblem =>
  problem === 'content.packTooLarge' || problem === 'content.packNotNewer' || problem === 'content.packRolledBack'
    ? 'content.packCorrupt'
    : problem;

function openBest(options: ContentServiceOptions): { pack: OpenedPack | null; problem: ServingProblem | null } {
  const dirs = packDirs(options.dataDir);
  const installed: [string, PackTrust][] = [
    [dirs.current, options.trust],
    [dirs.previous, options.trust],
  ];
  // The pack shipped inside the application is trusted as part of the install; it still has to match its checksum.
  // It comes first when an update of the app brought a pack newer than any installed in the data folder.
  const shipped: [string, PackTrust][] = options.bundledPackDir
    ? [[options.bundledPackDir, { ...options.trust, publicKeyPem: null, allowUnsigned: true }]]
    : [];
  // (An installed pack whose manifest cannot be read is tried first all the same, so that its skip is logged.)
  const installedNow = installedSequence(options.dataDir);
  const shippedIsNewer =
    options.bundledPackDir !== null &&
    installedNow > 0 &&
    sequenceIn(options.bundledPackDir) > Math.max(installedNow, highWaterSequence(options.dataDir));
  const candidates = shippedIsNewer ? [...shipped, ...installed] : [...installed, ...shipped];
  let problem: ServingProblem | null = null;
  for (const [dir, trust] of candidates) {
    try {
      return { pack: openContentPack(dir, trust, undefined, checkedPacksIn(options.dataDir)), problem: null };
    } catch (error) {
      if (!(error instanceof ContentPackError)) throw error;
      if (error.problem !== 'content.packMissing') options.log.warn('content.packSkipped', { problem: error.problem });
      problem = problem && problem !== 'content.packMissing' ? problem : servingProblem(error.problem);
    }
  }
  return { pack: null, problem: problem ?? 'content.packMissing' };
}

/** The sequence a pack folder's manifest gives (checked when the pack is opened), or 0. */
function sequenceIn(dir: string): number {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, manifestFileName), 'utf8')) as { sequence?: unknown };
    return typeof manifest.sequence === 'number' ? manifest.sequence : 0;
  } catch {
    return 0;
  }
}

/** When the installed pack last changed (its manifest's time), or 0 when none is installed. */
function installedStamp(dataDir: string): number {
  try {
    return statSync(join(packDirs(dataDir).current, manifestFileName)).mtimeMs;
  } catch {
    return 0;
  }
}

export function createContentService(options: ContentServiceOptions, now: Clock = systemClock) {
  let stamp = installedStamp(options.dataDir);
  let { pack, problem } = openBest(options);
  const official = (url: string) => isOfficialUrl(url, options.officialDomains ?? []);
  let queries = pack ? prepare(pack.db, official) : null;
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
      queries = prepare(next.pack.db, official);
      options.log.info('content.loaded', { version: next.pack.manifest.version });
    }
    return queries;
  };
  const missing = () => fail(problem ?? 'content.packMissing');

  return {
    /** The items of the pack in a language, by need, in the order of the home tiles. */
    needs(locale: Locale): Result<NeedItems[], ServingProblem> {
      const q = fresh();
      return q ? ok(q.needs(locale)) : missing();
    },
    /** One item in a language, or in French when it is not translated (the item then says `fallback`). */
    item(locale: Locale, id: string): Result<ContentItem, ServingProblem | 'content.notFound'> {
      const q = fresh();
      if (!q) return missing();
      const item = q.item(locale, id);
      return item ? ok(item) : fail('content.notFound');
    },
    places(): Result<HelpPlace[], ServingProblem> {
      const q = fresh();
      return q ? ok(q.places()) : missing();
    },
    search(locale: Locale, query: string): Result<SearchAnswer, ServingProblem> {
      const q = fresh();
      return q ? ok(q.search.search(query, locale)) : missing();
    },
    manifest: (): PackManifest | null => pack?.manifest ?? null,
    problem: (): ServingProblem | null => problem,
    close: () => pack?.db.close(),
  };
}

export type ContentService = ReturnType<typeof createContentService>;
/** What other services read of the pack. */
export type ContentReader = Pick<ContentService, 'needs' | 'item'>;

function prepare(db: Database.Database, official: (url: string) => boolean) {
  const search: Search = createSearch(db);
  const list = db.prepare<[string], ItemRow>('SELECT * FROM item WHERE locale = ? ORDER BY need, kind DESC, rowid');
  const one = db.prepare<[string, string], ItemRow>('SELECT * FROM item WHERE locale = ? AND id = ?');
  const words = db.prepare<[string], WordRow>(
    'SELECT id, word, short, long FROM glossary WHERE locale = ?',
  );
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
      const data = JSON.parse(row.data) as unknown;
      // Only the words this page uses, and the words their definitions use: the whole glossary went with every page
      // (about 24 kB of a 30 kB answer), and screens fetch the pages a visitor may open next.
      const rows = new Map(words.all(inLocale ? locale : 'fr').map((w) => [w.id, w]));
      // Definitions are inline nodes, checked against their schema when the pack was opened.
      const definition = (w: WordRow): GlossaryWord => ({
        id: w.id,
        word: w.word,
        short: JSON.parse(w.short) as GlossaryWord['short'],
        long: w.long === null ? null : (JSON.parse(w.long) as GlossaryWord['long']),
      });
      const used = new Map<string, GlossaryWord>();
      const pending = termIds(data);
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const w = rows.get(id);
        if (!w || used.has(id)) continue;
        const word = definition(w);
        used.set(id, word);
        pending.push(...termIds(word.short), ...termIds(word.long));
      }
      const glossary = Object.fromEntries(used);
      const fields = {
        ...summaryOf(row, locale),
        sources: (JSON.parse(row.sources) as string[]).filter(official),
        verifiedAt: row.verified_at,
        reviewBy: row.review_by,
        fallback: !inLocale,
        glossary,
      };
      // The pack's row says the kind; its data was checked against that kind's schema when the pack was built.
      return row.kind === 'journey'
        ? { ...fields, kind: 'journey', body: officialOnly(data as JourneyBody, official) }
        : { ...fields, kind: 'topic', body: data as TopicBody };
    },
  };
}

interface WordRow {
  readonly id: string;
  readonly word: string;
  readonly short: string;
  readonly long: string | null;
}

/** The ids of the glossary words (inline `term` nodes) anywhere in a page's or a definition's nodes. */
function termIds(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) termIds(item, found);
  else if (value !== null && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node.type === 'term' && typeof node.id === 'string') found.push(node.id);
    for (const child of Object.values(node)) termIds(child, found);
  }
  return found;
}

/** A journey step keeps its address only when it is on an official domain: the step is shown without it otherwise. */
function officialOnly(journey: JourneyBody, official: (url: string) => boolean): JourneyBody {
  return {
    ...journey,
    steps: journey.steps.map(({ url, ...step }) => (url !== undefined && official(url) ? { ...step, url } : step)),
  };
}
