// Readability: splitting text into sentences, words and syllables, and the scores the FALC linter and the
// admin view use (Kandel-Moles for French, Flesch for English, sentence length for every language).
import { plainText } from './blocks';

/** The line as read, without glossary and bold marks, list dashes or heading marks. */
export const readable = (line: string): string => plainText(line.replace(/^(##\s+|-\s+)/, '')).replace(/\*\*/g, '');

/** Sentences of a line: split after . ! ? … (not inside numbers like 3.5 or addresses like ameli.fr). */
export function sentencesOf(line: string): string[] {
  return line
    // Arabic has no capitals: a sentence starts after an end mark (its own question mark too) and a space.
    .split(/(?<=[.!?…؟])\s+(?=[\p{Lu}\p{N}«"(\p{Script=Arabic}])/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words: runs of letters, digits, apostrophes and inner hyphens (l'application counts as one). */
export const wordsOf = (sentence: string): string[] => sentence.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];

const vowelGroups = /[aeiouyàâäéèêëîïôöùûüÿœæ]+/giu;

/** Syllables of a French word, approximated by vowel groups, a final silent e/es/ent not counted. */
export function frenchSyllables(word: string): number {
  const lower = word.toLowerCase();
  const groups = lower.match(vowelGroups)?.length ?? 0;
  const silent = groups > 1 && /[^aeiouy](e|es|ent)$/u.test(lower) ? 1 : 0;
  return Math.max(1, groups - silent);
}

/** Syllables of an English word: vowel groups, a final silent e not counted, at least one. */
export function englishSyllables(word: string): number {
  const lower = word.toLowerCase();
  const groups = lower.match(/[aeiouy]+/g)?.length ?? 0;
  const silent = groups > 1 && /[^aeiouy]e$/.test(lower) && !/le$/.test(lower) ? 1 : 0;
  return Math.max(1, groups - silent);
}

/** Kandel and Moles (1958), the French adaptation of Flesch: higher is easier. */
export function kandelMoles(sentences: readonly string[]): number {
  const words = sentences.flatMap(wordsOf);
  if (words.length === 0) return 100;
  const syllables = words.reduce((sum, w) => sum + frenchSyllables(w), 0);
  return 207 - 1.015 * (words.length / sentences.length) - 73.6 * (syllables / words.length);
}

/** Flesch Reading Ease for English: higher is easier. */
export function fleschReadingEase(sentences: readonly string[]): number {
  const words = sentences.flatMap(wordsOf);
  if (words.length === 0) return 100;
  const syllables = words.reduce((sum, w) => sum + englishSyllables(w), 0);
  return 206.835 - 1.015 * (words.length / sentences.length) - 84.6 * (syllables / words.length);
}

export const minimumKandelMoles = 70;
export const minimumFlesch = 70;
/** Words in a sentence: 15 is the target, 20 the hard limit (Inclusion Europe). */
export const sentenceTarget = 15;
export const sentenceLimit = 20;

export interface PageReadability {
  /** Kandel-Moles in French, Flesch in English; null where no formula applies (Arabic). */
  readonly score: number | null;
  readonly formula: 'kandel-moles' | 'flesch' | null;
  readonly minimum: number | null;
  readonly sentences: number;
  /** Words in the longest sentence. */
  readonly longestSentence: number;
  /** Sentences above the hard limit. */
  readonly tooLong: number;
  readonly ok: boolean;
}

/** The readability of a page from its visitor-facing lines (content syntax allowed: glossary links, bold, list marks). */
export function pageReadability(locale: string, lines: readonly string[]): PageReadability {
  const sentences = lines.flatMap((line) => sentencesOf(readable(line)));
  const lengths = sentences.map((s) => wordsOf(s).length);
  const longestSentence = Math.max(0, ...lengths);
  const tooLong = lengths.filter((n) => n > sentenceLimit).length;
  const formula = locale === 'fr' ? 'kandel-moles' : locale === 'en' ? 'flesch' : null;
  const score = formula === 'kandel-moles' ? kandelMoles(sentences) : formula === 'flesch' ? fleschReadingEase(sentences) : null;
  const minimum = formula === 'kandel-moles' ? minimumKandelMoles : formula === 'flesch' ? minimumFlesch : null;
  return {
    score: score === null ? null : Math.round(score),
    formula,
    minimum,
    sentences: sentences.length,
    longestSentence,
    tooLong,
    ok: tooLong === 0 && (score === null || minimum === null || score >= minimum),
  };
}
