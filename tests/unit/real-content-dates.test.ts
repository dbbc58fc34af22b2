// The shipped content is read again before the facts it dates run out: no review date after the end of a stated period.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../build/content/load';

const content = loadContent(join(import.meta.dirname, '..', '..', 'content'));

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const day = '(1er|\\d{1,2})';
const date = `${day} (${months.join('|')}) (\\d{4})`;

/** The last days of the periods a French text states: "du 1er avril 2025 au 31 mars 2026", "jusqu'au 31 mars 2026". */
function periodEnds(text: string): string[] {
  const ends = [...text.matchAll(new RegExp(`(?:\\bau|jusqu['’]au) ${date}`, 'gu'))];
  return ends.map(([, d, month, year]) => {
    const number = d === '1er' ? 1 : Number(d);
    return `${year}-${String(months.indexOf(month ?? '') + 1).padStart(2, '0')}-${String(number).padStart(2, '0')}`;
  });
}

const textOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(textOf)
      : value !== null && typeof value === 'object'
        ? Object.values(value).flatMap(textOf)
        : [];

describe('dated facts in the shipped content', () => {
  it('reads the end of a stated period', () => {
    expect(periodEnds('Les montants, du 1er avril 2025 au 31 mars 2026.')).toEqual(['2026-03-31']);
    expect(periodEnds("Valable jusqu'au 1er avril 2027.")).toEqual(['2027-04-01']);
    expect(periodEnds('Allez au 3e étage.')).toEqual([]);
  });

  it('asks for a page to be read again by the last day of every period it states', () => {
    const late: string[] = [];
    for (const item of [...content.locales.fr.topics, ...content.locales.fr.journeys]) {
      const { review_by: reviewBy, sources: _sources, secondary_sources: _secondary, ...rest } = item;
      for (const end of periodEnds(textOf(rest).join('\n')))
        if (reviewBy > end) late.push(`${item.id}: review by ${reviewBy}, a period ends ${end}`);
    }
    expect(late).toEqual([]);
  });
});
