// Writes a content pack: a read-only SQLite file with items, glossary, pictograms, places and a search index.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { parseBlocks, plainText, textLines } from '../../common/content/blocks';
import { contentPackFormat, packSchemaSql, type PackCounts, type PackManifest } from '../../common/content/pack-format';
import { deletionVariants, foldText, searchTerms } from '../../common/content/search-text';
import { compilePageBlocks, compileJourney, compilePlace, type InlineContext } from './compile-content';
import { compileLine, compileText } from './inline-compile';
import type { ContentSource, LocaleContent } from './load';
import { contentLocales } from '../../common/content/schema';

/** `sequence` must grow from one published pack to the next: by default the build time in milliseconds. */
export function writePack(source: ContentSource, file: string, now = new Date(), sequence = now.getTime()): PackManifest {
  const temp = `${file}.tmp`;
  rmSync(temp, { force: true });
  const db = new Database(temp);
  db.pragma('journal_mode = DELETE');
  db.exec(packSchemaSql);
  const insertItem = db.prepare(
    'INSERT INTO item (locale, id, kind, need, title, summary, pictogram, sensitive, sources, verified_at, review_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertText = db.prepare('INSERT INTO search_text (rowid, title, keywords, body) VALUES (?, ?, ?, ?)');
  const insertSearch = db.prepare('INSERT INTO search (rowid, title, keywords, body) VALUES (?, ?, ?, ?)');
  const insertHeading = db.prepare('INSERT INTO heading (rowid, title, keywords) VALUES (?, ?, ?)');
  const insertWord = db.prepare('INSERT INTO glossary (locale, id, word, short, long) VALUES (?, ?, ?, ?, ?)');
  const insertSpelling = db.prepare('INSERT INTO spelling (variant, term, locale) VALUES (?, ?, ?)');
  const counts: Record<string, PackCounts> = {};

  db.transaction(() => {
    for (const locale of contentLocales) {
      const content = source.locales[locale];
      const words = new Map(content.glossary.map((g) => [g.id, g.word]));
      const word = (id: string) => words.get(id) ?? id;
      const plain = (text: string) => textLines(text).map((l) => plainText(l, word)).join('\n');
      const inline: InlineContext = { locale, word: (id) => words.get(id) };
      const vocabulary = new Set<string>();
      const index = (rowid: number | bigint, title: string, keywords: string, body: string) => {
        // Indexed folded exactly as queries are (hamza, madda and short vowels too, which the tokenizer keeps).
        insertText.run(rowid, title, keywords, body);
        insertSearch.run(rowid, foldText(title), foldText(keywords), foldText(body));
        insertHeading.run(rowid, foldText(title), foldText(keywords));
        for (const term of searchTerms(`${title} ${keywords} ${body}`)) vocabulary.add(term);
      };

      for (const topic of content.topics) {
        const blocks = compilePageBlocks(parseBlocks(topic.body), inline);
        const { lastInsertRowid } = insertItem.run(locale, topic.id, 'topic', topic.need, topic.title, topic.summary, topic.pictogram, topic.sensitive ? 1 : 0, JSON.stringify(topic.sources), topic.verified_at ?? null, topic.review_by, JSON.stringify({ blocks }));
        index(lastInsertRowid, topic.title, [...topic.tags, ...topic.synonyms].join(' · '), `${topic.summary}\n${plain(topic.body.replace(/^##\s*/gm, '').replace(/^- /gm, ''))}`);
      }
      for (const journey of content.journeys) {
        const data = compileJourney(journey, inline);
        const { lastInsertRowid } = insertItem.run(locale, journey.id, 'journey', journey.need, journey.title, journey.summary, journey.pictogram, journey.sensitive ? 1 : 0, JSON.stringify(journey.sources), journey.verified_at ?? null, journey.review_by, JSON.stringify(data));
        const body = [journey.summary, ...journey.steps.flatMap((s) => [s.title, plain(s.text)])].join('\n');
        index(lastInsertRowid, journey.title, [...journey.tags, ...journey.synonyms].join(' · '), body);
      }
      for (const g of content.glossary) {
        const long = g.long === undefined ? null : JSON.stringify(compileText(g.long, inline));
        insertWord.run(locale, g.id, g.word, JSON.stringify(compileLine(g.short, inline)), long);
        for (const term of searchTerms(`${g.word} ${g.synonyms.join(' ')}`)) vocabulary.add(term);
      }
      for (const term of vocabulary) {
        if (term.length < 4) continue;
        for (const variant of new Set([term, ...deletionVariants(term)])) insertSpelling.run(variant, term, locale);
      }
      counts[locale] = countsOf(content);
    }
    const insertPicto = db.prepare('INSERT INTO pictogram (id, svg, alt) VALUES (?, ?, ?)');
    for (const [id, svg] of Object.entries(source.pictograms)) {
      insertPicto.run(id, svg, JSON.stringify(Object.fromEntries(contentLocales.map((l) => [l, source.locales[l].pictogramTexts[id] ?? '']))));
    }
    const insertPlace = db.prepare('INSERT INTO place (id, data) VALUES (?, ?)');
    for (const place of source.places) insertPlace.run(place.id, JSON.stringify(compilePlace(place)));
  })();
  db.exec("INSERT INTO search (search) VALUES ('optimize'); INSERT INTO heading (heading) VALUES ('optimize');");

  const createdAt = now.toISOString();
  const manifestRows = { format: String(contentPackFormat), createdAt, locales: JSON.stringify(contentLocales), counts: JSON.stringify(counts), places: String(source.places.length) };
  const insertManifest = db.prepare('INSERT INTO manifest (key, value) VALUES (?, ?)');
  for (const [key, value] of Object.entries(manifestRows)) insertManifest.run(key, value);
  db.exec('VACUUM');
  db.close();

  const sha256 = createHash('sha256').update(readFileSync(temp)).digest('hex');
  const bytes = statSync(temp).size;
  renameSync(temp, file);
  return {
    format: contentPackFormat,
    version: `${createdAt.slice(0, 10).replace(/-/g, '.')}-${sha256.slice(0, 8)}`,
    createdAt,
    locales: contentLocales,
    counts,
    places: source.places.length,
    sequence,
    bytes,
    sha256,
  };
}

const countsOf = (content: LocaleContent): PackCounts => ({ topics: content.topics.length, journeys: content.journeys.length, glossary: content.glossary.length });
