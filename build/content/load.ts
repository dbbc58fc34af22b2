// Reads content/ into typed items, and reports every problem with its file, line and field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  contentLocales,
  glossarySource,
  journeySource,
  pictogramTexts,
  placesSource,
  topicFrontMatter,
  type ContentLocale,
  type GlossarySource,
  type JourneySource,
  type PlaceSource,
  type TopicFrontMatter,
} from '../../common/content/schema';

export interface ContentProblem {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}

export interface TopicSource extends TopicFrontMatter {
  readonly body: string;
  /** Line in the file where the body starts (1-based), to place lint findings. */
  readonly bodyLine: number;
  readonly file: string;
}

export interface LocaleContent {
  readonly topics: TopicSource[];
  readonly journeys: (JourneySource & { readonly file: string })[];
  readonly glossary: (GlossarySource & { readonly file: string })[];
  readonly pictogramTexts: Record<string, string>;
}

export interface ContentSource {
  readonly root: string;
  readonly locales: Record<ContentLocale, LocaleContent>;
  readonly places: PlaceSource[];
  readonly pictograms: Record<string, string>;
}

export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`${problems.length} content problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
}

export const formatProblem = (p: ContentProblem): string =>
  `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;

/** Parses YAML text with a schema; problems point at the line of the offending field. */
function parseYaml<S extends z.ZodType>(schema: S, text: string, file: string, problems: ContentProblem[], lineOffset = 0): z.output<S> | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) problems.push({ file, line: (error.linePos?.[0]?.line ?? 0) + lineOffset, message: `not valid YAML: ${error.message.split('\n')[0]}` });
    return null;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const parentNode = doc.getIn(issue.path.slice(0, -1) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0] ?? parentNode?.range?.[0];
    problems.push({
      file,
      ...(offset !== undefined ? { line: lineCounter.linePos(offset).line + lineOffset } : {}),
      field: issue.path.join('.') || '(file)',
      message: `expected ${issue.message}`,
    });
  }
  return null;
}

function filesIn(dir: string, extension: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(extension)).sort().map((f) => join(dir, f)) : [];
}

function loadTopic(file: string, rel: string, problems: ContentProblem[]): TopicSource | null {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match?.[1]) {
    problems.push({ file: rel, line: 1, message: 'expected a front matter between two "---" lines at the top' });
    return null;
  }
  const front = parseYaml(topicFrontMatter, match[1], rel, problems, 1);
  if (!front) return null;
  const bodyLine = match[0].split('\n').length;
  return { ...front, body: text.slice(match[0].length), bodyLine, file: rel };
}

export function loadContent(root: string): ContentSource {
  const problems: ContentProblem[] = [];
  const rel = (file: string) => relative(root, file) || file;
  const checkFileName = (file: string, itemId: string) => {
    const expected = basename(file).replace(/\.(md|yaml)$/, '');
    if (itemId !== expected) problems.push({ file: rel(file), field: 'id', message: `expected the id to match the file name "${expected}", got "${itemId}"` });
  };

  const locales = {} as Record<ContentLocale, LocaleContent>;
  for (const locale of contentLocales) {
    const dir = join(root, locale);
    const topics = filesIn(join(dir, 'fiches'), '.md').flatMap((file) => {
      const topic = loadTopic(file, rel(file), problems);
      if (topic) checkFileName(file, topic.id);
      return topic ? [topic] : [];
    });
    const journeys = filesIn(join(dir, 'parcours'), '.yaml').flatMap((file) => {
      const journey = parseYaml(journeySource, readFileSync(file, 'utf8'), rel(file), problems);
      if (journey) checkFileName(file, journey.id);
      return journey ? [{ ...journey, file: rel(file) }] : [];
    });
    const glossary = filesIn(join(dir, 'mots'), '.yaml').flatMap((file) => {
      const word = parseYaml(glossarySource, readFileSync(file, 'utf8'), rel(file), problems);
      if (word) checkFileName(file, word.id);
      return word ? [{ ...word, file: rel(file) }] : [];
    });
    const pictoFile = join(dir, 'pictogrammes.yaml');
    const texts = existsSync(pictoFile) ? parseYaml(pictogramTexts, readFileSync(pictoFile, 'utf8'), rel(pictoFile), problems) : {};
    locales[locale] = { topics, journeys, glossary, pictogramTexts: texts ?? {} };
  }

  const placesFile = join(root, 'lieux.yaml');
  const places = existsSync(placesFile) ? (parseYaml(placesSource, readFileSync(placesFile, 'utf8'), rel(placesFile), problems) ?? []) : [];
  const pictograms = Object.fromEntries(filesIn(join(root, 'pictograms'), '.svg').map((file) => [basename(file, '.svg'), readFileSync(file, 'utf8')]));

  if (problems.length > 0) throw new ContentError(problems);
  return { root, locales, places, pictograms };
}
