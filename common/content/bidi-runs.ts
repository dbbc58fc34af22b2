// Cuts text into runs that must keep left-to-right order inside right-to-left text: numbers and Latin names.
// In an Arabic line "39 89" would show as "89 39" (the space between two numbers takes the line's direction),
// and "CMU complémentaire" would be cut apart by the punctuation around it.

export interface BidiRun {
  readonly text: string;
  /** True for a number or a Latin name to show isolated, left to right. */
  readonly ltr: boolean;
}

/** Digit groups joined by spaces or number punctuation: "09 74 75 13 13", "8:30-17:30", "10 339 €" (the figure part). */
const numberRun = String.raw`\+?\d+(?:[ \u00A0\u202F.,:/\-–]\d+)*`;
const latinLetter = String.raw`A-Za-z\u00C0-\u024F`;
/** Latin words joined by spaces, with their inner digits and marks: "Tabac info service", "assurance-maladie@info.ameli.fr". */
const latinRun = String.raw`[${latinLetter}][${latinLetter}0-9'’@.\-]*(?:[ \u00A0][${latinLetter}0-9][${latinLetter}0-9'’@.\-]*)*`;

const numbersOnly = new RegExp(numberRun, 'gu');
const numbersAndLatin = new RegExp(`${latinRun}|${numberRun}`, 'gu');
const rightToLeftLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** True when the text holds right-to-left letters (Arabic, Hebrew). */
export const hasRightToLeft = (text: string): boolean => rightToLeftLetter.test(text);

/**
 * The runs of a piece of text. Numbers are always isolated; Latin words only when the line is right to left
 * (`rtl`, by default when the text itself holds right-to-left letters). A final full stop stays outside the run.
 */
export function bidiRuns(text: string, rtl: boolean = hasRightToLeft(text)): BidiRun[] {
  const runs: BidiRun[] = [];
  let last = 0;
  for (const match of text.matchAll(rtl ? numbersAndLatin : numbersOnly)) {
    const found = match[0].replace(/[.\-–]+$/u, '');
    if (found === '') continue;
    if (match.index > last) runs.push({ text: text.slice(last, match.index), ltr: false });
    runs.push({ text: found, ltr: true });
    last = match.index + found.length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), ltr: false });
  return runs;
}
