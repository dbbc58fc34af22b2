import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentPack } from '../../build/scripts/content-build';
import { packFileName } from '../../common/content/pack-format';
import { createSearch, type Search } from '../../main/content/search';
import { meaningfulTerms, withinOneEdit } from '../../common/content/search-text';
import { useTempDir } from './temp-dir';
import { bracketed } from './helpers/snippet-text';
import { snippetRuns } from '../../common/content/snippet-runs';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'content-mini');
const tempDir = useTempDir();
let db: Database.Database;
let search: Search;

beforeAll(() => {
  const dir = join(tempDir(), 'pack');
  buildContentPack(fixture, dir);
  db = new Database(join(dir, packFileName), { readonly: true });
  search = createSearch(db);
});
afterAll(() => db.close());

const ids = (query: string, locale = 'fr') => search.search(query, locale).hits.map((h) => h.id);

describe('search in the content pack', () => {
  it('ignores accents and case', () => {
    expect(ids('securite sociale')[0]).toBe('securite-sociale');
    expect(ids('SÉCURITÉ')[0]).toBe('securite-sociale');
  });

  it('matches prefixes as the visitor types', () => {
    expect(ids('méd')).toContain('medecin-traitant');
    expect(ids('secu')).toContain('securite-sociale');
  });

  it('finds a page by the words people use for it', () => {
    expect(ids('médecin de famille')[0]).toBe('medecin-traitant');
  });

  it('leaves out little words that match most of the pack, unless the query is only little words', () => {
    expect(meaningfulTerms(['medecin', 'de', 'famille'], 'fr')).toEqual(['medecin', 'famille']);
    expect(meaningfulTerms(['the', 'doctor'], 'en')).toEqual(['doctor']);
    expect(meaningfulTerms(['de', 'la'], 'fr')).toEqual(['de', 'la']);
    expect(ids('le médecin de la famille')[0]).toBe('medecin-traitant');
  });

  it('forgives one typo in words of five letters or more', () => {
    expect(ids('medecim')).toContain('medecin-traitant');
    expect(ids('traitnat')).toContain('medecin-traitant');
    expect(ids('socaile')).toContain('securite-sociale');
  });

  it('does not correct short words, where a typo would match too much', () => {
    expect(ids('vu')).toEqual([]);
  });

  it('waits for a second letter before searching', () => {
    expect(ids('m')).toEqual([]);
    expect(ids('me')).toContain('medecin-traitant');
  });

  it('ranks a title match before a body match, with a marked snippet', () => {
    const { hits } = search.search('compte', 'fr');
    expect(hits[0]?.id).toBe('activer-le-compte');
    expect(bracketed(search.search('rembourse', 'fr').hits[0]?.snippet)).toContain('[rembourse]');
  });

  it('shows under a page found by its title or keywords its summary, whole and unmarked, as while the word is typed', () => {
    for (const [query, id] of [
      ['sécurité sociale', 'securite-sociale'],
      ['sécu', 'securite-sociale'],
      ['medecin traitant', 'medecin-traitant'],
      ['med', 'medecin-traitant'],
    ] as const) {
      const hit = search.search(query, 'fr').hits.find((h) => h.id === id);
      expect(hit?.snippet, query).toEqual([{ text: hit?.summary, mark: false }]);
    }
    // Found in its text only: a snippet of the text, the matched word marked.
    const byText = search.search('rembourse', 'fr').hits[0];
    expect(byText?.id).toBe('securite-sociale');
    expect(byText?.snippet.map((run) => run.text).join('')).not.toBe(byText?.summary);
  });

  it('gives every snippet as runs of the wire schema, a matched word a marked run of its own, no control characters', () => {
    for (const query of ['rembourse', 'compte', 'me', 'securite sociale', 'carte vitale']) {
      for (const hit of search.search(query, 'fr').hits) {
        expect(snippetRuns.safeParse(hit.snippet).success, query).toBe(true);
        const shown = hit.snippet.map((run) => run.text).join('');
        expect(shown.includes('\u0002') || shown.includes('\u0003'), query).toBe(false);
        for (const run of hit.snippet.filter((r) => r.mark)) expect(run.text, query).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
      }
    }
  });

  it('falls back to French, saying so, when nothing is found in the chosen language', () => {
    expect(search.search('rembourse', 'en')).toMatchObject({ locale: 'fr', fallback: true, hits: [{ id: 'securite-sociale' }] });
    expect(search.search('doctor', 'en')).toMatchObject({ locale: 'en', fallback: false, hits: [{ id: 'medecin-traitant' }] });
  });

  it('finds Arabic text', () => {
    expect(ids('الطبيب', 'ar')).toContain('medecin-traitant');
  });

  it('treats FTS syntax in a query as plain words', () => {
    expect(() => search.search('"secu" OR NEAR( * -', 'fr')).not.toThrow();
    expect(search.search('', 'fr').hits).toEqual([]);
  });
});

describe('one-edit distance', () => {
  it('accepts one substitution, insertion, deletion or swap, and nothing more', () => {
    expect(withinOneEdit('medecin', 'medecim')).toBe(true);
    expect(withinOneEdit('medecin', 'medecins')).toBe(true);
    expect(withinOneEdit('medecin', 'medcin')).toBe(true);
    expect(withinOneEdit('traitant', 'traitnat')).toBe(true);
    expect(withinOneEdit('traitant', 'tratinat')).toBe(false);
    expect(withinOneEdit('medecin', 'medicament')).toBe(false);
  });
});
