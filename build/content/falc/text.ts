// Splitting text for the easy-to-read checks: sentences, words, syllables, marks removed.
import { plainText } from '../../../main/content/blocks';

/** The line as read, without glossary and bold marks, list dashes or heading marks. */
export const readable = (line: string): string => plainText(line.replace(/^(##\s+|-\s+)/, '')).replace(/\*\*/g, '');

/** Sentences of a line: split after . ! ? … (not inside numbers like 3.5 or addresses like ameli.fr). */
export function sentencesOf(line: string): string[] {
  return line
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}«"(])/u)
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
