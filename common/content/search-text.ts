// Text handling for search: the same folding as the FTS5 tokenizer, terms, and one-typo variants.

/** Lowercase without accents, as `unicode61 remove_diacritics 2` folds it. */
export const foldText = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a text, folded; the same split as the tokenizer (letters and digits). */
export const searchTerms = (text: string): string[] => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Little words that tell nothing about what is searched ("médecin de famille"), folded like search terms. As
 * prefixes they match most of the pack and slow the search down; they are dropped when other words remain.
 */
const stopWords: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: new Set([
    'a',
    'au',
    'aux',
    'ce',
    'ces',
    'd',
    'de',
    'des',
    'du',
    'en',
    'et',
    'il',
    'j',
    'je',
    'l',
    'la',
    'le',
    'les',
    'ma',
    'mes',
    'mon',
    'par',
    'pour',
    'qu',
    'que',
    'qui',
    'sa',
    'se',
    'ses',
    'son',
    'sur',
    'un',
    'une',
  ]),
  en: new Set(['a', 'an', 'and', 'for', 'i', 'in', 'is', 'it', 'my', 'of', 'on', 'the', 'to']),
  ar: new Set(['في', 'من', 'على', 'الى', 'إلى', 'عن', 'و']),
};

/** The words of a query that carry meaning; the query unchanged when it is made of little words only. */
export function meaningfulTerms(terms: readonly string[], locale: string): string[] {
  const stop = stopWords[locale];
  const kept = stop ? terms.filter((term) => !stop.has(term)) : [...terms];
  return kept.length > 0 ? kept : [...terms];
}

/** Every string made by removing one character: two words one typo apart share one of these. */
export function deletionVariants(term: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < term.length; i++) variants.push(term.slice(0, i) + term.slice(i + 1));
  return variants;
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
