// The shipped content says the same facts in French, English and Arabic: the same numbers on the same page.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../build/content/load';

const content = loadContent(join(import.meta.dirname, '..', '..', 'content'));

/** Fields that are not read by the visitor as the page's facts: addresses, ids, search words, French-only notes. */
const notFacts = new Set([
  'id',
  'file',
  'bodyLine',
  'url',
  'sources',
  'secondary_sources',
  'review_by',
  'verified_at',
  'pictogram',
  'need',
  'tags',
  'synonyms',
  'mediator_notes',
  'goto',
  'lint_exceptions',
]);

function visibleText(value: unknown, key = ''): string[] {
  if (notFacts.has(key)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => visibleText(v));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => visibleText(v, k));
  return [];
}

const arabicDigits = /[٠-٩]/gu;

/** The numbers a text states, as digits: "0 800 23 13 13", "10 339 €" and "٣٦٤٦" each count as one number. */
function numbersIn(text: string): string[] {
  const latin = text.replace(arabicDigits, (d) => String(d.charCodeAt(0) - 0x0660));
  // Groups of two or three digits after a space or a thousands mark belong to the number before them.
  const joined = latin.replace(/(\d)[ \u00a0\u202f,.](?=\d{2,3}\b)/gu, '$1').replace(/(\d)[ \u00a0\u202f,.](?=\d{2,3}\b)/gu, '$1');
  return joined.match(/\d+/gu) ?? [];
}

type Kind = 'topics' | 'journeys' | 'glossary';
const kinds: Kind[] = ['topics', 'journeys', 'glossary'];

function numbersOf(locale: 'fr' | 'en' | 'ar', kind: Kind, id: string): Set<string> {
  const item = (content.locales[locale][kind] as { id: string }[]).find((i) => i.id === id);
  return new Set(visibleText(item).flatMap(numbersIn));
}

/**
 * Pages where a translation writes a number in words, with the reason it is not changed here. Arabic writes small
 * numbers as words (dual forms: two months, two years), which the rules below allow; a number of two digits or more
 * in words is listed here until its file is fixed.
 */
const numbersInWords: Record<string, string> = {};

describe('the same facts in every language', () => {
  it('reads one number in a phone number, an amount and Arabic digits', () => {
    expect(numbersIn('Appelez le 0 800 23 13 13 ou le 36 46.')).toEqual(['0800231313', '3646']);
    expect(numbersIn('Gratuite jusqu’à 10 339 €, ou 10,339 €.')).toEqual(['10339', '10339']);
    expect(numbersIn('اتصل بالرقم ٣٦٤٦ خلال 2 شهر')).toEqual(['3646', '2']);
    expect(numbersIn('De 25 à 29 ans, 2 examens.')).toEqual(['25', '29', '2']);
  });

  for (const kind of kinds) {
    it(`gives the same numbers of two digits or more in fr, en and ar, in every ${kind} page`, () => {
      const differences: string[] = [];
      for (const { id } of content.locales.fr[kind] as { id: string }[]) {
        const fr = [...numbersOf('fr', kind, id)].filter((n) => n.length >= 2);
        for (const locale of ['en', 'ar'] as const) {
          const key = `${locale}/${kind}/${id}`;
          if (key in numbersInWords) {
            console.info(`${key}: allowed to differ, ${numbersInWords[key]}`);
            continue;
          }
          const other = [...numbersOf(locale, kind, id)].filter((n) => n.length >= 2);
          const missing = fr.filter((n) => !other.includes(n));
          const extra = other.filter((n) => !fr.includes(n));
          if (missing.length + extra.length > 0) differences.push(`${key}: missing ${missing.join(' ')}; not in fr ${extra.join(' ')}`);
        }
      }
      expect(differences).toEqual([]);
    });

    it(`states no number in en or ar that the French ${kind} page does not state`, () => {
      const invented: string[] = [];
      for (const { id } of content.locales.fr[kind] as { id: string }[]) {
        const fr = numbersOf('fr', kind, id);
        for (const locale of ['en', 'ar'] as const) {
          const extra = [...numbersOf(locale, kind, id)].filter((n) => !fr.has(n));
          if (extra.length > 0) invented.push(`${locale}/${kind}/${id}: ${extra.join(' ')}`);
        }
      }
      expect(invented).toEqual([]);
    });
  }
});
