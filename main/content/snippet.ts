// A search snippet cut from a text as written: about twelve words around the best group of matched words, each
// matched word marked. Words are compared folded, as the index and the query are, so "اغلاق" marks "إغلاق".
import { foldText } from '../../common/content/search-text';
import type { SnippetRun } from '../../common/content/snippet-runs';

/** What a query matches: folded words it accepts as prefixes, and folded words it accepts only whole. */
export interface QueryWords {
  readonly prefixes: readonly string[];
  readonly whole: readonly string[];
}

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const ellipsis = '…';

/** Folded first letters, kept: most words of a text are told apart from the query by their first letter alone. */
const foldedLetters = new Map<string, string>();
const foldLetter = (letter: string): string => {
  let folded = foldedLetters.get(letter);
  if (folded === undefined) foldedLetters.set(letter, (folded = foldText(letter).charAt(0)));
  return folded;
};

/**
 * Folded words, kept: a few hundred words make most of every text, and folding (NFD, then marks removed) was most of
 * a snippet's cost. Bounded, so that a large pack's vocabulary cannot grow it without end.
 */
const foldedWords = new Map<string, string>();
const maxFoldedWords = 5000;
const foldWord = (word: string): string => {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= maxFoldedWords) foldedWords.clear();
    foldedWords.set(word, (folded = foldText(word)));
  }
  return folded;
};

/** Which query word a word matches, or -1; only words starting with a query word's letter are folded whole. */
function matcher(query: QueryWords): (word: string) => number {
  const all = [...query.prefixes, ...query.whole];
  const firstLetters = new Set(all.map((w) => w.charAt(0)));
  return (word) => {
    if (!firstLetters.has(foldLetter(String.fromCodePoint(word.codePointAt(0) ?? 0)))) return -1;
    const folded = foldWord(word);
    const prefix = query.prefixes.findIndex((p) => folded.startsWith(p));
    if (prefix >= 0) return prefix;
    const whole = query.whole.indexOf(folded);
    return whole >= 0 ? query.prefixes.length + whole : -1;
  };
}

/** Whether the text between two words ends a sentence: a full stop, a colon, a question mark or a new line. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . : ! ? and a new line
    if (c === 46 || c === 58 || c === 33 || c === 63 || c === 10) return true;
  }
  return false;
}

/** As FTS5 scores a window: 1000 for each different query word in it, 1 for each repeat. */
function windowScore(matched: readonly number[], start: number, size: number, seen: Uint8Array): number {
  seen.fill(0);
  let score = 0;
  for (let i = start; i < Math.min(matched.length, start + size); i++) {
    const m = matched[i] ?? -1;
    if (m === -1) continue;
    score += seen[m] ? 1 : 1000;
    seen[m] = 1;
  }
  return score;
}

/** The runs of the snippet: marked runs are matched words, each alone; the text between them is unmarked. */
export function snippetOf(text: string, query: QueryWords, size = 12): SnippetRun[] {
  // One pass over the text's words: where each is, which query word it matches, whether it starts a sentence.
  const words: RegExpExecArray[] = [];
  const matched: number[] = [];
  const starts: boolean[] = [];
  const match = matcher(query);
  for (const word of text.matchAll(wordPattern)) {
    const previous = words[words.length - 1];
    starts.push(!previous || endsSentence(text, previous.index + previous[0].length, word.index));
    words.push(word);
    matched.push(match(word[0]));
  }
  if (words.length === 0) return [];
  const seen = new Uint8Array(query.prefixes.length + query.whole.length);
  // Like FTS5's own snippet: for each match, a window centred on the matches that follow it, and one starting at
  // its sentence (a bonus, more at the very start); the best score wins, the earliest on a tie.
  let best = { start: 0, score: -1 };
  let sentence = 0;
  for (let i = 0; i < words.length; i++) {
    if (starts[i]) sentence = i;
    if (matched[i] === -1) continue;
    let last = i;
    for (let j = i; j < Math.min(words.length, i + size); j++) if (matched[j] !== -1) last = j;
    const centred = Math.max(0, Math.min(i - Math.floor((size - (last - i + 1)) / 2), words.length - size));
    const centredScore = windowScore(matched, centred, size, seen);
    if (centredScore > best.score) best = { start: centred, score: centredScore };
    const sentenceScore = windowScore(matched, sentence, size, seen) + (sentence === 0 ? 120 : 100);
    if (sentenceScore > best.score) best = { start: sentence, score: sentenceScore };
  }
  const end = Math.min(words.length, best.start + size);
  const runs: SnippetRun[] = [];
  // Unmarked text between two words joins the unmarked run before it; each matched word is a run of its own.
  const add = (piece: string, mark: boolean) => {
    if (piece === '') return;
    const last = runs[runs.length - 1];
    if (!mark && last && !last.mark) runs[runs.length - 1] = { text: last.text + piece, mark };
    else runs.push({ text: piece, mark });
  };
  if (best.start > 0) add(ellipsis, false);
  for (let i = best.start; i < end; i++) {
    const word = words[i];
    if (!word) continue;
    if (i > best.start) {
      const previous = words[i - 1];
      add(text.slice((previous?.index ?? 0) + (previous?.[0].length ?? 0), word.index), false);
    }
    add(word[0], matched[i] !== -1);
  }
  const lastWord = words[end - 1];
  const tail = lastWord ? text.slice(lastWord.index + lastWord[0].length) : '';
  add(end < words.length ? ellipsis : tail, false);
  return runs;
}
