// The content pack's format, shared by the build that writes it and the kiosk that reads it.

export const contentPackFormat = 3;
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
  /** SHA-256 of the pack file, hex. */
  readonly sha256: string;
}

/** Marks around matched words in search snippets: control characters no text contains, rendered as <mark>. */
export const snippetStart = '\u0002';
export const snippetEnd = '\u0003';

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
  short TEXT NOT NULL,
  long TEXT,
  PRIMARY KEY (locale, id)
) STRICT;
CREATE TABLE pictogram (id TEXT PRIMARY KEY, svg TEXT NOT NULL, alt TEXT NOT NULL) STRICT;
CREATE TABLE place (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE VIRTUAL TABLE search USING fts5(title, keywords, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
-- Titles and keywords alone: short lists to read, so title matches are found fast, before the whole text is ranked.
CREATE VIRTUAL TABLE heading USING fts5(title, keywords, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
CREATE TABLE spelling (variant TEXT NOT NULL, term TEXT NOT NULL, locale TEXT NOT NULL) STRICT;
CREATE INDEX spelling_variant ON spelling (locale, variant);
`;
