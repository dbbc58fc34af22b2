// Search in the content pack: accent- and case-insensitive, prefix matching, synonyms, one typo forgiven.
import type Database from 'better-sqlite3';
import { snippetEnd, snippetStart } from '../db/content-pack-format';
import type { SearchAnswer, SearchHit } from '../api/types';
import { deletionVariants, searchTerms, withinOneEdit } from './search-text';

/** Words this short are matched as prefixes only, never corrected: too many neighbours. */
const minTypoLength = 5;
const maxTerms = 8;

export function createSearch(db: Database.Database) {
  const find = db.prepare<[string, string, number], Omit<SearchHit, 'sensitive'> & { sensitive: number }>(`
    SELECT item.id, item.kind, item.title, item.summary, item.pictogram, item.sensitive,
           snippet(search, 2, '${snippetStart}', '${snippetEnd}', '…', 12) AS snippet
    FROM search JOIN item ON item.rowid = search.rowid
    WHERE search MATCH ? AND item.locale = ?
    ORDER BY bm25(search, 10.0, 6.0, 1.0)
    LIMIT ?`);
  const spelling = db.prepare<[string, string], string>(`SELECT DISTINCT term FROM spelling WHERE locale = ? AND variant IN (SELECT value FROM json_each(?))`).pluck();

  /** The term itself as a prefix, plus the known words one typo away when the term is not known. */
  const alternatives = (term: string, locale: string): string[] => {
    if (term.length < minTypoLength) return [`"${term}"*`];
    const candidates = spelling.all(locale, JSON.stringify([term, ...deletionVariants(term)]));
    if (candidates.includes(term)) return [`"${term}"*`];
    return [`"${term}"*`, ...candidates.filter((c) => withinOneEdit(term, c)).map((c) => `"${c}"`)];
  };

  const run = (query: string, locale: string, limit: number): SearchHit[] => {
    const terms = [...new Set(searchTerms(query))].slice(0, maxTerms);
    if (terms.length === 0) return [];
    const groups = terms.map((t) => `(${alternatives(t, locale).join(' OR ')})`);
    const all = find.all(groups.join(' AND '), locale, limit);
    const rows = all.length > 0 || groups.length === 1 ? all : find.all(groups.join(' OR '), locale, limit);
    return rows.map((row) => ({ ...row, sensitive: row.sensitive === 1 }));
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
