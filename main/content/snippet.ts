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

/** Which query word a word matches, or -1; only words starting with a query word's letter are folded whole. */
function matcher(query: QueryWords): (word: string) => number {
  const all = [...query.prefixes, ...query.whole];
  const firstLetters = new Set(all.map((w) => w.charAt(0)));
  return (word) => {
    if (!firstLetters.has(foldLetter(String.fromCodePoint(word.codePointAt(0) ?? 0)))) return -1;
    const folded = foldText(word);
    const prefix = query.prefixes.findIndex((p) => folded.startsWith(p));
    if (prefix >= 0) return prefix;
    const whole = query.whole.indexOf(folded);
    return whole >= 0 ? query.prefixes.length + whole : -1;
  };
}

/** Sentence starts: the first word, and words after a full stop, a colon, a question mark or a new line. */
const sentenceStarts = (text: string, words: readonly RegExpExecArray[]): boolean[] =>
  words.map((word, i) => {
    const previous = words[i - 1];
    return !previous || /[.:!?\n]/.test(text.slice(previous.index + previous[0].length, word.index));
  });

/** As FTS5 scores a window: 1000 for each different query word in it, 1 for each repeat. */
function windowScore(matched: readonly number[], start: number, size: number): number {
  const seen = new Set<number>();
  let score = 0;
  for (const m of matched.slice(start, start + size)) {
    if (m === -1) continue;
    score += seen.has(m) ? 1 : 1000;
    seen.add(m);
  }
  return score;
}

/** The runs of the snippet: marked runs are matched words, each alone; the text between them is unmarked. */
export function snippetOf(text: string, query: QueryWords, size = 12): SnippetRun[] {
  const words = [...text.matchAll(wordPattern)];
  if (words.length === 0) return [];
  const match = matcher(query);
  const matched = words.map((w) => match(w[0]));
  const starts = sentenceStarts(text, words);
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
    const candidates = [
      { start: centred, score: windowScore(matched, centred, size) },
      { start: sentence, score: windowScore(matched, sentence, size) + (sentence === 0 ? 120 : 100) },
    ];
    for (const candidate of candidates) if (candidate.score > best.score) best = candidate;
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
