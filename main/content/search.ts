// Search in the content pack: accent- and case-insensitive, prefix matching, synonyms, one typo forgiven.
import type Database from 'better-sqlite3';
import type { SearchAnswer, SearchHit } from '../../common/api/types';
import { deletionVariants, meaningfulTerms, searchTerms, withinOneEdit } from '../../common/content/search-text';
import type { SnippetRun } from '../../common/content/snippet-runs';
import { snippetOf, type QueryWords } from './snippet';

/** Words this short are matched as prefixes only, never corrected: too many neighbours. */
const minTypoLength = 5;
const maxTerms = 8;
/** Below this length every term is a prefix being typed: matched in titles and keywords only. */
const shortPrefix = 4;
/**
 * Matches ranked at most, in pack order: a common word in a pack of thousands of pages matches thousands, and
 * ranking them all cost milliseconds (bm25 over 200 matches took half a millisecond on the 10,000-topic pack, more
 * than everything else a two-word search does). Today's pack has 49 items a language, half the bound.
 */
export const maxCandidates = 100;

/**
 * A row as SQL gives it: the flag as an integer; for a match in the whole text, the text its snippet is cut from; for a
 * match in the title or keywords, no text (`body` null): the summary is shown instead.
 */
type HitRow = Omit<SearchHit, 'sensitive' | 'snippet'> & { sensitive: number; body: string | null };

export function createSearch(db: Database.Database) {
  // Rank first and keep the best few. A page found by its title or its keywords shows its summary: the title says
  // what matched, the summary (easy to read, checked with the rest of the content) what the page is about; its text
  // is not read. A page found in its text only shows a snippet of it, read by rowid for the best few only and cut here
  // (not by FTS5, which would evaluate the match again). Each locale's items have consecutive rowids, so a rowid range
  // (which FTS5 applies while reading its index) replaces a join on the locale.
  const ranked = (table: 'search' | 'heading', weights: string) =>
    db.prepare<[string, number, number, number], HitRow>(`
      WITH candidates AS (
        SELECT rowid AS rid, bm25(${table}, ${weights}) AS score
        FROM ${table}
        WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ?
        LIMIT ${maxCandidates}
      ),
      best AS (SELECT rid, score FROM candidates ORDER BY score LIMIT ?)
      SELECT item.id, item.kind, item.title, item.summary, item.pictogram, item.sensitive,
        ${table === 'search' ? 'search.body' : 'NULL'} AS body
      FROM best ${table === 'search' ? 'JOIN search ON search.rowid = best.rid' : ''} JOIN item ON item.rowid = best.rid
      ORDER BY best.score`);
  const findInHeadings = ranked('heading', '10.0, 6.0');
  const findEverywhere = ranked('search', '10.0, 6.0, 1.0');
  const ranges = new Map(
    db
      .prepare<[], { locale: string; first: number; last: number }>(
        'SELECT locale, min(rowid) AS first, max(rowid) AS last FROM item GROUP BY locale',
      )
      .all()
      .map((r) => [r.locale, [r.first, r.last] as const]),
  );
  // While the visitor has typed only two or three letters, the prefix matches a large part of the pack:
  // titles and keywords only, in pack order, stop at the limit without ranking everything.
  const findByTitle = db.prepare<[string, number, number, number], HitRow>(`
    SELECT item.id, item.kind, item.title, item.summary, item.pictogram, item.sensitive, NULL AS body
    FROM heading JOIN item ON item.rowid = heading.rowid
    WHERE heading MATCH ? AND heading.rowid BETWEEN ? AND ?
    LIMIT ?`);
  /**
   * Title and keyword matches first; the whole text is ranked only when they are too few, and a page it finds again
   * keeps its title match (and so its summary).
   */
  const bestOf = (expression: string, first: number, last: number, limit: number) => {
    const inHeadings = findInHeadings.all(expression, first, last, limit);
    if (inHeadings.length >= limit) return inHeadings;
    const seen = new Set(inHeadings.map((r) => r.id));
    const more = findEverywhere.all(expression, first, last, limit).filter((r) => !seen.has(r.id));
    return [...inHeadings, ...more].slice(0, limit);
  };
  /** What a hit shows under its title: its summary, unmarked, or a snippet of the text that matched. */
  const hit = (row: HitRow, words: QueryWords | null): SearchHit => {
    const { body, ...shown } = row;
    const snippet: SnippetRun[] =
      body !== null && words !== null ? snippetOf(body, words) : row.summary ? [{ text: row.summary, mark: false }] : [];
    return { ...shown, snippet, sensitive: row.sensitive === 1 };
  };
  const spelling = db
    .prepare<[string, string], string>(
      `SELECT DISTINCT term FROM spelling WHERE locale = ? AND variant IN (SELECT value FROM json_each(?))`,
    )
    .pluck();

  /** The known words one typo away from a term that is not known itself (none for short terms). */
  const corrections = (term: string, locale: string): string[] => {
    if (term.length < minTypoLength) return [];
    const candidates = spelling.all(locale, JSON.stringify([term, ...deletionVariants(term)]));
    return candidates.includes(term) ? [] : candidates.filter((c) => withinOneEdit(term, c));
  };

  const run = (query: string, locale: string, limit: number): SearchHit[] => {
    // A single letter matches nearly everything and tells nothing: searching starts at two.
    const terms = meaningfulTerms([...new Set(searchTerms(query))], locale)
      .filter((t) => t.length >= 2 || /\p{N}/u.test(t))
      .slice(0, maxTerms);
    if (terms.length === 0) return [];
    const [first, last] = ranges.get(locale) ?? [0, -1];
    if (terms.every((t) => t.length < shortPrefix)) {
      const expression = terms.map((t) => `"${t}"*`).join(' AND ');
      return findByTitle.all(expression, first, last, limit).map((row) => hit(row, null));
    }
    const fixes = terms.map((t) => corrections(t, locale));
    const groups = terms.map((t, i) => `(${[`"${t}"*`, ...(fixes[i] ?? []).map((c) => `"${c}"`)].join(' OR ')})`);
    const allRows = bestOf(groups.join(' AND '), first, last, limit);
    const rows = allRows.length > 0 || groups.length === 1 ? allRows : bestOf(groups.join(' OR '), first, last, limit);
    const words = { prefixes: terms, whole: fixes.flat() };
    return rows.map((row) => hit(row, words));
  };

  return {
    search(query: string, locale: string, limit = 10): SearchAnswer {
      const hits = run(query, locale, limit);
      if (hits.length > 0 || locale === 'fr') return { hits, locale, fallback: false };
      const french = run(query, 'fr', limit);
      return french.length > 0 ? { hits: french, locale: 'fr', fallback: true } : { hits: [], locale, fallback: false };
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
