// The FALC linter: every visitor-facing text of content/, page by page, with file, line and rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textLines } from '../../../common/content/blocks';
import { journeyVisitorTexts } from '../check';
import type { ContentSource, LocaleContent } from '../load';
import { checkCommonWords } from './common-words';
import { checkFrenchLine, checkOtherLine, type Severity } from './rules';
import { fleschReadingEase, kandelMoles, minimumFlesch, minimumKandelMoles, readable, sentencesOf } from '../../../common/content/readability';

export interface LintFinding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface SilencedRule {
  readonly file: string;
  readonly rule: string;
  readonly reason: string;
}

/** One page: its visitor-facing lines with their line numbers, and the rules it silences. */
interface Page {
  readonly file: string;
  /** Glossary words are short definitions, not pages: no page score, and they may name the synonyms they replace. */
  readonly isGlossary?: boolean;
  readonly lines: readonly { readonly text: string; readonly line: number }[];
  readonly silenced: readonly { readonly rule: string; readonly reason: string }[];
}

/** The lines of a file holding each text, found by their first appearance in the file. */
function locate(root: string, file: string, texts: readonly string[]): { text: string; line: number }[] {
  const fileLines = readFileSync(join(root, file), 'utf8').split('\n');
  return texts.flatMap((block) =>
    textLines(block).map((text) => {
      const index = fileLines.findIndex((l) => l.includes(text));
      return { text, line: index + 1 };
    }),
  );
}

function pagesOf(root: string, content: LocaleContent): Page[] {
  return [
    ...content.topics.map((t) => ({
      file: t.file,
      silenced: t.lint_exceptions,
      lines: [
        ...locate(root, t.file, [t.title, t.summary]),
        ...t.body.split('\n').flatMap((text, i) => (text.trim() === '' ? [] : [{ text: text.trim(), line: t.bodyLine + i }])),
      ],
    })),
    ...content.journeys.map((j) => ({
      file: j.file,
      silenced: [],
      lines: locate(root, j.file, journeyVisitorTexts(j)),
    })),
    ...content.glossary.map((g) => ({ file: g.file, isGlossary: true, silenced: [], lines: locate(root, g.file, [g.short, g.long ?? '']) })),
  ];
}

/** Days before its review date when a page starts to be listed as due. */
export const reviewNoticeDays = 30;

/**
 * Review dates: a page whose `review_by` has passed fails (its facts may be out of date), one due within
 * `reviewNoticeDays` warns; a `verified_at` after today is refused (nobody has read the sources on that day yet).
 */
function reviewFindings(root: string, items: readonly { file: string; review_by: string; verified_at?: string | undefined }[], today: Date): LintFinding[] {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const now = day(today);
  const notice = day(new Date(today.getTime() + reviewNoticeDays * 86_400_000));
  const lineOf = (file: string, field: string) => readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => l.startsWith(`${field}:`)) + 1;
  return items.flatMap((item): LintFinding[] => {
    const found: LintFinding[] = [];
    if (item.review_by < now)
      found.push({ file: item.file, line: lineOf(item.file, 'review_by'), rule: 'review-overdue', severity: 'error', message: `review date ${item.review_by} has passed: read the sources again, then move the date` });
    else if (item.review_by <= notice)
      found.push({ file: item.file, line: lineOf(item.file, 'review_by'), rule: 'review-due', severity: 'warning', message: `review date ${item.review_by} is less than ${reviewNoticeDays} days away` });
    if (item.verified_at !== undefined && item.verified_at > now)
      found.push({ file: item.file, line: lineOf(item.file, 'verified_at'), rule: 'verified-in-future', severity: 'error', message: `verified_at ${item.verified_at} is after today: it is the day a person read the sources` });
    return found;
  });
}

export function lintContent(source: ContentSource, today: Date = new Date()): { findings: LintFinding[]; silenced: SilencedRule[] } {
  const findings: LintFinding[] = [];
  for (const locale of ['fr', 'en', 'ar'] as const) {
    const { topics, journeys } = source.locales[locale];
    findings.push(...reviewFindings(source.root, [...topics, ...journeys], today));
  }
  const silenced: SilencedRule[] = [];
  const knownAcronyms = new Set(
    source.locales.fr.glossary.flatMap((g) => [g.word, ...g.synonyms].filter((w) => /^[A-Z]{2,}$/.test(w))),
  );

  // Glossary words and their synonyms, word by word: a page may use them (linked on first use).
  const glossaryWords = new Set(
    source.locales.fr.glossary.flatMap((g) => [g.word, ...g.synonyms]).flatMap((w) => w.toLowerCase().split(/[\s']+/u)),
  );
  for (const locale of ['fr', 'en', 'ar'] as const) {
    for (const page of pagesOf(source.root, source.locales[locale])) {
      const off = new Set(page.silenced.map((s) => s.rule));
      silenced.push(...page.silenced.map((s) => ({ file: page.file, ...s })));
      const add = (finding: LintFinding) => {
        if (!off.has(finding.rule) && !(page.isGlossary && finding.rule === 'same-word')) findings.push(finding);
      };
      for (const { text, line } of page.lines) {
        const lineFindings = locale === 'fr' ? checkFrenchLine(text, { knownAcronyms }) : checkOtherLine(text, locale);
        for (const f of lineFindings) add({ file: page.file, line, ...f });
        const common = locale === 'fr' ? checkCommonWords(text, glossaryWords) : null;
        if (common) add({ file: page.file, line, ...common });
      }
      const sentences = page.lines.flatMap(({ text }) => sentencesOf(readable(text)));
      if (locale === 'fr' && !page.isGlossary) {
        const score = kandelMoles(sentences);
        if (score < minimumKandelMoles) add({ file: page.file, line: 1, rule: 'readability', severity: 'error', message: `Kandel-Moles score ${score.toFixed(0)}: ${minimumKandelMoles} at least (shorter sentences, shorter words)` });
      }
      if (locale === 'en' && !page.isGlossary) {
        const score = fleschReadingEase(sentences);
        if (score < minimumFlesch) add({ file: page.file, line: 1, rule: 'readability', severity: 'error', message: `Flesch Reading Ease ${score.toFixed(0)}: ${minimumFlesch} at least` });
      }
    }
  }
  return { findings, silenced };
}
