// Arabic search on the real pack: a word typed with or without hamza, madda or short vowels finds the same pages.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentPack } from '../../build/scripts/content-build';
import { packFileName } from '../../common/content/pack-format';
import { createSearch, type Search } from '../../main/content/search';
import { bracketed } from './helpers/snippet-text';

const content = join(import.meta.dirname, '..', '..', 'content');
let dir: string;
let db: Database.Database;
let search: Search;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-arabic-'));
  buildContentPack(content, dir);
  db = new Database(join(dir, packFileName), { readonly: true });
  search = createSearch(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (query: string) => {
  const answer = search.search(query, 'ar');
  return answer.locale === 'ar' ? answer.hits.map((h) => h.id) : [];
};

describe('Arabic search, with and without hamza', () => {
  it.each([
    ['إنشاء حسابي', 'انشاء حسابي', 'creer-compte-ameli'],
    ['إغلاق', 'اغلاق', 'mon-espace-sante-fermer'],
    ['إيجاد المساعدة', 'ايجاد المساعدة', 'trouver-de-l-aide'],
    ['أين تجد رقم الضمان', 'اين تجد رقم الضمان', 'numero-de-securite-sociale-et-numero-de-serie'],
    ['مسبقًا', 'مسبقا', 'tiers-payant'],
  ])('"%s" and "%s" both find %s', (written, typed, id) => {
    expect(ids(written)).toContain(id);
    expect(ids(typed)).toContain(id);
  });

  it('shows the snippet as written, hamza included, with the typed word marked', () => {
    const hits = search.search('الالكتروني', 'ar').hits;
    expect(hits.length).toBeGreaterThan(0);
    const snippets = hits.map((h) => bracketed(h.snippet)).join('\n');
    expect(snippets).toContain('[الإلكتروني');
  });
});
