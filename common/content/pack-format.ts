// The content pack's format, shared by the build that writes it and the kiosk that reads it.
import { z } from 'zod';
import { inlineLine, richText } from './inline-nodes';

/**
 * 3: the manifest carries a signed sequence number and the pack's size in bytes. 4: text is stored as parsed inline
 * nodes (common/content/inline-nodes.ts), glossary definitions included: a kiosk renders it and never parses markup.
 */
export const contentPackFormat = 4;
export const packFileName = 'content-pack.sqlite';
export const manifestFileName = 'content-pack.manifest.json';
export const signatureFileName = 'content-pack.sig';

export interface PackCounts {
  readonly topics: number;
  readonly journeys: number;
  readonly glossary: number;
}

export interface PackManifest {
  readonly format: number;
  readonly version: string;
  readonly createdAt: string;
  readonly locales: readonly string[];
  readonly counts: Readonly<Record<string, PackCounts>>;
  readonly places: number;
  /** Grows with every pack a publisher builds (the build time in milliseconds unless given): a kiosk only takes a newer one. */
  readonly sequence: number;
  /** Size of the pack file in bytes: a file of another size is refused before it is read. */
  readonly bytes: number;
  /** SHA-256 of the pack file, hex. */
  readonly sha256: string;
}

/** Upper bounds for every source (a folder, a web server): anything bigger is refused before it is read. */
export const packLimits = { manifestBytes: 64 * 1024, signatureBytes: 1024, packBytes: 256 * 1024 * 1024 } as const;

const countsSchema = z
  .object({ topics: z.number().int().min(0), journeys: z.number().int().min(0), glossary: z.number().int().min(0) })
  .strict();

export const manifestSchema = z
  .object({
    format: z.number().int(),
    version: z.string().min(1).max(64),
    createdAt: z.string().max(40),
    locales: z.array(z.string().max(10)).min(1).max(10),
    counts: z.record(z.string().max(10), countsSchema),
    places: z.number().int().min(0),
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    bytes: z.number().int().min(1).max(packLimits.packBytes),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

// The JSON held in the pack's columns, checked for every row when a pack is opened: a pack that the build did not write
// this way is refused whole rather than failing in the middle of a visit. The screens' types derive from these.
const text = z.string().max(20_000);
const stepId = z.string().min(1).max(100);
export const topicBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: inlineLine }).strict(),
  z.object({ type: z.literal('paragraph'), lines: richText }).strict(),
  z.object({ type: z.literal('list'), items: richText }).strict(),
]);
export const topicData = z.object({ blocks: z.array(topicBlock).max(500) }).strict();
export const journeyStepData = z
  .object({
    id: stepId,
    title: text,
    text: richText,
    atHand: z.array(inlineLine).max(50),
    secret: z.boolean(),
    url: z.string().max(2000).optional(),
    mediatorNotes: richText.optional(),
    problems: z.array(z.object({ problem: inlineLine, fix: richText }).strict()).max(50),
    end: z.boolean(),
  })
  .strict();
export const journeyData = z
  .object({
    readiness: z
      .array(
        z
          .object({
            id: stepId,
            question: inlineLine,
            ifNo: z.union([
              z.object({ bring: richText, blocks: z.boolean() }).strict(),
              z.object({ insert: z.array(stepId).min(1).max(100) }).strict(),
              z.object({ path: stepId }).strict(),
            ]),
          })
          .strict(),
      )
      .max(50),
    steps: z.array(journeyStepData).min(1).max(100),
    offline: z.object({ title: text, text: richText }).strict(),
  })
  .strict();
/** A glossary row's definition columns: `short` one line, `long` several lines or null. */
export const packGlossaryJson = { short: inlineLine, long: richText.nullable() } as const;

/** Each JSON column of an item row, by kind. */
export const packItemJson = {
  topic: topicData,
  journey: journeyData,
  sources: z.array(z.string().max(2000)).max(50),
} as const;
export const packPlaceJson = z.looseObject({
  id: z.string(),
  name: text,
  kind: z.string().max(100),
  address: z.string().max(2000),
  phone: z.string().max(100),
  openingHours: z.string().max(2000),
  helpsWith: z.array(z.string().max(100)).max(50),
  url: z.string().max(2000).optional(),
});
export const packPictogramAltJson = z.record(z.string().max(10), z.string().max(2000));

export const packSchemaSql = `
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
-- Items are written language by language: each language's rowids form one range (search relies on it).
CREATE TABLE item (
  rowid INTEGER PRIMARY KEY,
  locale TEXT NOT NULL,
  id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'journey')),
  need TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  pictogram TEXT NOT NULL,
  sensitive INTEGER NOT NULL,
  sources TEXT NOT NULL,
  verified_at TEXT,
  review_by TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (locale, id)
) STRICT;
CREATE TABLE glossary (
  locale TEXT NOT NULL,
  id TEXT NOT NULL,
  word TEXT NOT NULL,
  -- Inline nodes, JSON: short one line, long several lines (or NULL).
  short TEXT NOT NULL,
  long TEXT,
  PRIMARY KEY (locale, id)
) STRICT;
CREATE TABLE pictogram (id TEXT PRIMARY KEY, svg TEXT NOT NULL, alt TEXT NOT NULL) STRICT;
CREATE TABLE place (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
-- The text as written, shown in snippets; the index below is built from the same text folded like queries are.
CREATE TABLE search_text (rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, keywords TEXT NOT NULL, body TEXT NOT NULL) STRICT;
CREATE VIRTUAL TABLE search USING fts5(title, keywords, body, content = 'search_text', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
-- Titles and keywords alone: short lists to read, so title matches are found fast, before the whole text is ranked.
CREATE VIRTUAL TABLE heading USING fts5(title, keywords, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
CREATE TABLE spelling (variant TEXT NOT NULL, term TEXT NOT NULL, locale TEXT NOT NULL) STRICT;
CREATE INDEX spelling_variant ON spelling (locale, variant);
`;
