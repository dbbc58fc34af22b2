// The easy-to-read rules: each looks at one line (a sentence, as written) and says what is wrong with it.
import { readable, sentenceLimit, sentenceTarget, sentencesOf, wordsOf } from '../../../common/content/readability';

export type Severity = 'error' | 'warning';

export interface LineFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface LineContext {
  /** Acronyms the glossary explains (SMS, CPAM…), uppercase. */
  readonly knownAcronyms: ReadonlySet<string>;
}

/** One word for one thing: the word to avoid, and the word this content uses. */
export const sameWordFor: readonly (readonly [RegExp, string])[] = [
  [/\bcode temporaire\b/iu, 'code provisoire'],
  [/\bmot de passe provisoire\b/iu, 'code provisoire'],
  [/\bcourriel\b/iu, 'e-mail'],
  [/(?<![-\p{L}])mail\b/iu, 'e-mail'],
  [/\bmédecin référent\b/iu, 'médecin traitant'],
  [/\bmédecin de famille\b/iu, 'médecin traitant'],
  [/\bnuméro de sécu\b/iu, 'numéro de sécurité sociale'],
  [/\bappli\b/iu, 'application'],
];

/**
 * The service numbers a visitor may need, written as people dial them: the one list the "big numbers" rule lets
 * through (a phone number is not an amount to round). Add a number here, with its source in content/REVIEW.md.
 */
export const knownServiceNumbers: readonly string[] = [
  '116 117',
  '0 800 23 13 13',
  '0 980 980 930',
  '09 74 75 13 13',
  '33700',
  '33 700',
];

const withoutServiceNumbers = (text: string): string => knownServiceNumbers.reduce((t, n) => t.split(n).join(' '), text);

const frenchRules: readonly ((raw: string, text: string, context: LineContext) => LineFinding | null)[] = [
  (_raw, text) => {
    const longest = Math.max(0, ...sentencesOf(text).map((s) => wordsOf(s).length));
    if (longest > sentenceLimit) return { rule: 'sentence-too-long', severity: 'error', message: `a sentence of ${longest} words: ${sentenceLimit} at most, ${sentenceTarget} is better` };
    if (longest > sentenceTarget) return { rule: 'sentence-long', severity: 'warning', message: `a sentence of ${longest} words: ${sentenceTarget} or fewer is easier to read` };
    return null;
  },
  (_raw, text) =>
    sentencesOf(text).length > 1 ? { rule: 'one-sentence-per-line', severity: 'error', message: 'put each sentence on its own line' } : null,
  (_raw, text) =>
    /\d\s*%|\bpour ?cent\b/iu.test(text) ? { rule: 'percentage', severity: 'error', message: 'no percentages: say "beaucoup", "la moitié", "peu"' } : null,
  (_raw, text) => {
    // An amount in euros (a dated ceiling, a price) is the answer the visitor looks for: written as the official pages do.
    const big = withoutServiceNumbers(text)
      .replace(/\b\d{1,3}(?:[  .]\d{3})+(?:,\d+)?[  ]?€/gu, '')
      .match(/\b\d{1,3}(?:[  .]\d{3})+\b|\b\d{5,}\b/u)?.[0];
    // Phone numbers (groups of two digits) are not amounts.
    if (!big || /^0\d(?:[  ]\d{2}){4}$/u.test(big)) return null;
    return { rule: 'big-number', severity: 'error', message: `"${big}": big numbers in digits are hard to read; say it in words or round it` };
  },
  (raw, text, context) => {
    const unknown = wordsOf(text).filter((w) => /^[A-Z]{2,}$/.test(w) && !context.knownAcronyms.has(w) && !raw.includes(`|${w}]]`));
    return unknown.length > 0
      ? { rule: 'acronym', severity: 'error', message: `${[...new Set(unknown)].join(', ')}: an acronym must be in the glossary (and linked with [[id|${unknown[0]}]])` }
      : null;
  },
  (_raw, text) => {
    // Numbers in digits: "2 fois", not "deux fois" (un/une are articles; neuf also means new).
    const word = text.match(/(?<![\p{L}-])(deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante)(?![\p{L}-])/iu)?.[1];
    return word ? { rule: 'number-in-words', severity: 'error', message: `"${word}": write numbers in digits (2, not deux)` } : null;
  },
  (_raw, text) => (/\betc\b\.?/iu.test(text) ? { rule: 'etc', severity: 'error', message: 'no "etc.": give the full list, or the main examples' } : null),
  (_raw, text) => {
    const found = text.match(/[&#§;]/u)?.[0];
    return found ? { rule: 'special-character', severity: 'error', message: `"${found}": no special characters (& # § ;)` } : null;
  },
  (raw) =>
    /(^|[^*])\*[^*\s][^*]*\*(?!\*)|\b_[^_]+_\b|<\/?(?:i|em|u)>/u.test(raw.replace(/\*\*[^*]+\*\*/g, ''))
      ? { rule: 'italic-or-underline', severity: 'error', message: 'no italics and no underlining: use **bold** for the one thing not to miss' }
      : null,
  (_raw, text) =>
    /\b(?:est|sont|été|était|étaient|sera|seront|soit|soient)\s+(?:\p{L}+\s+)?\p{L}+(?:é|ée|és|ées|is|ise|ises|it|ite|its|ites|u|ue|us|ues)\s+par\b/iu.test(text)
      ? { rule: 'passive-voice', severity: 'error', message: 'say who does it: "Le médecin envoie", not "est envoyé par le médecin"' }
      : null,
  (_raw, text) =>
    /\b(?:pas|jamais|plus)\s+(?:rien|aucun|aucune|jamais)\b|\bpas sans\b|\bnon sans\b|\bpas\s+(?:in|im|ir|il)\p{L}+(?:ible|able)\b/iu.test(text)
      ? { rule: 'double-negation', severity: 'error', message: 'a double negation: say it the positive way' }
      : null,
  (_raw, text) => {
    const match = sameWordFor.find(([pattern]) => pattern.test(text));
    return match ? { rule: 'same-word', severity: 'error', message: `say "${match[1]}": one word for one thing everywhere` } : null;
  },
];

export function checkFrenchLine(raw: string, context: LineContext): LineFinding[] {
  const text = readable(raw);
  return frenchRules.flatMap((rule) => rule(raw, text, context) ?? []);
}

/** One word for one thing in English and Arabic, as `sameWordFor` does in French. */
export const sameWordIn: Readonly<Record<'en' | 'ar', readonly (readonly [RegExp, string])[]>> = {
  // "Carer" means a family member who looks after someone: it made "who sees my documents" read as "your family".
  en: [[/\bcarers?\b/iu, 'health professional']],
  // One Arabic term for "professionnel de santé", the glossary's word.
  ar: [
    [/أخصائي(?:و|ي)? الصحة/u, 'مهني الصحة'],
    [/العاملين الصحيين|العاملون الصحيون|العاملين في الصحة/u, 'مهنيي الصحة'],
    [/مهني(?:ًا|ا)? صحي(?:ًا|ا)?|عامل(?:ًا|ا)? صحي(?:ًا|ا)?/u, 'مهني الصحة'],
  ],
};

/** English and Arabic, line by line: sentence length, one sentence per line, one word for one thing (readability is checked per page). */
export function checkOtherLine(raw: string, locale: 'en' | 'ar'): LineFinding[] {
  const sentences = sentencesOf(readable(raw));
  const longest = Math.max(0, ...sentences.map((s) => wordsOf(s).length));
  const findings: LineFinding[] = [];
  if (longest > sentenceLimit) findings.push({ rule: 'sentence-too-long', severity: 'error', message: `a sentence of ${longest} words: ${sentenceLimit} at most` });
  if (sentences.length > 1) findings.push({ rule: 'one-sentence-per-line', severity: 'error', message: 'put each sentence on its own line' });
  const same = sameWordIn[locale].find(([pattern]) => pattern.test(readable(raw)));
  if (same) findings.push({ rule: 'same-word', severity: 'error', message: `say "${same[1]}": one word for one thing everywhere` });
  return findings;
}
