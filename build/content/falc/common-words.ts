// The common-words check: a French word outside the shipped list of common words (and outside the glossary and the
// list of rare words a page needs) is flagged, so a hard word does not slip into an easy-read page unnoticed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInline } from '../../../common/content/blocks';
import { wordsOf } from '../../../common/content/readability';
import type { LineFinding } from './rules';

const wordList = (file: string): string[] =>
  readFileSync(join(import.meta.dirname, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

/** Common French words (curated, see the file's header) and the rare words the pages need. */
export const commonFrenchWords: ReadonlySet<string> = new Set([...wordList('common-words-fr.txt'), ...wordList('rare-words-fr.txt')]);

const elision = /^(?:l|d|n|s|c|j|m|t|qu|jusqu|lorsqu|puisqu)['’]/u;
/** A pronoun tied to a verb by a hyphen: "tapez-les", "parlez-en", "est-elle", "a-t-il". */
const pronounAfterVerb = /-(?:t-)?(?:le|la|les|lui|leur|moi|toi|nous|vous|en|y|il|elle|ils|elles|on)$/u;

/** The forms under which a word may be listed: as written, without its elided article, its tied pronoun, its plural mark. */
function listedForms(word: string): string[] {
  const bare = word.replace(elision, '');
  const verb = bare.replace(pronounAfterVerb, '');
  const forms = [word, bare, verb];
  // A plural is as common as its singular: "séances" for "séance", "bleues" for "bleue".
  if (/[sx]$/u.test(verb) && verb.length > 2) forms.push(verb.slice(0, -1));
  return forms;
}

/** The words of a line a reader meets outside glossary links, as the list spells them (lowercase). */
function wordsToCheck(raw: string): string[] {
  const plain = parseInline(raw.replace(/^(##\s+|-\s+)/, ''))
    .flatMap((part) => (part.type === 'strong' ? part.children : [part]))
    .map((part) => (part.type === 'term' ? ' ' : part.text))
    .join('');
  return wordsOf(plain).flatMap((word, index) => {
    // Digits, names and acronyms (an upper-case letter past the first, or a capital inside a sentence) are not words to look up.
    // An elided article before a glossary link ("l'[[assurance-maladie]]") leaves its letter alone.
    if (/^(?:l|d|n|s|c|j|m|t|qu)$/iu.test(word)) return [];
    if (/\d/u.test(word) || /\p{Lu}/u.test(word.slice(1)) || (index > 0 && /^\p{Lu}/u.test(word))) return [];
    return [word.toLowerCase()];
  });
}

/** One warning per line listing its words found in no list; `known` holds the glossary's words and synonyms. */
export function checkCommonWords(raw: string, known: ReadonlySet<string>): LineFinding | null {
  const unknown = wordsToCheck(raw).filter((word) => !listedForms(word).some((w) => commonFrenchWords.has(w) || known.has(w)));
  if (unknown.length === 0) return null;
  return {
    rule: 'uncommon-word',
    severity: 'warning',
    message: `${[...new Set(unknown)].join(', ')}: not in the common words list; use a common word, link a glossary word, or add it to build/content/falc/rare-words-fr.txt with a reason`,
  };
}
