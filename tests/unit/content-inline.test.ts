// The inline marks of content text (bold, glossary words) and the left-to-right runs kept inside Arabic lines.
import { describe, expect, it } from 'vitest';
import { bidiRuns } from '../../common/content/bidi-runs';
import { parseInlineStrict, plainText, termIds } from '../../common/content/blocks';

const parts = (line: string) => {
  const parsed = parseInlineStrict(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.parts;
};

describe('inline marks', () => {
  it('reads a glossary word inside bold, as the "don\'t miss" sentence of a page writes it', () => {
    expect(parts('**Vous pouvez la demander dans votre [[compte-ameli]].**')).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'Vous pouvez la demander dans votre ' },
          { type: 'term', id: 'compte-ameli', text: null },
          { type: 'text', text: '.' },
        ],
      },
    ]);
    expect(plainText('**Demandez-la dans votre [[compte-ameli|compte ameli]].**')).toBe('Demandez-la dans votre compte ameli.');
    expect(termIds('**Dans votre [[compte-ameli]]** et [[carte-vitale|votre carte]].')).toEqual(['compte-ameli', 'carte-vitale']);
  });

  it('keeps a shown text and plain text around marks', () => {
    expect(parts('Le [[medecin-traitant|médecin]] et **15** ici')).toEqual([
      { type: 'text', text: 'Le ' },
      { type: 'term', id: 'medecin-traitant', text: 'médecin' },
      { type: 'text', text: ' et ' },
      { type: 'strong', children: [{ type: 'text', text: '15' }] },
      { type: 'text', text: ' ici' },
    ]);
  });

  it.each([
    ['**gras sans fin', /opens bold/],
    ['un [[mot sans fin', /has no "\]\]"/],
    ['un mot]] en trop', /closes no "\[\["/],
    ['[[Mot-Majuscule]]', /lowercase/],
    ['[[mot|]]', /plain words/],
    ['vide ****', /empty bold/],
  ])('refuses markup it cannot read: %s', (line, error) => {
    const parsed = parseInlineStrict(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('left-to-right runs', () => {
  const isolated = (text: string) => bidiRuns(text).flatMap((run) => (run.ltr ? [run.text] : []));

  it('keeps every phone number whole in an Arabic line', () => {
    expect(isolated('- Tabac info service، للتبغ: 39 89')).toEqual(['Tabac info service', '39 89']);
    expect(isolated('اتصل بالرقم 09 74 75 13 13.')).toEqual(['09 74 75 13 13']);
    expect(isolated('الرقم 34 22 من 8:30 إلى 17:30')).toEqual(['34 22', '8:30', '17:30']);
    expect(isolated('اتصل بـ 0 800 23 13 13')).toEqual(['0 800 23 13 13']);
  });

  it('isolates Latin names in an Arabic line, without the final full stop', () => {
    expect(isolated('تحصل على CMU complémentaire مجانًا.')).toEqual(['CMU complémentaire']);
    expect(isolated('اكتب assurance-maladie@info.ameli.fr.')).toEqual(['assurance-maladie@info.ameli.fr']);
  });

  it('leaves French words alone and isolates only numbers in a left-to-right line', () => {
    expect(isolated('Appelez le 09 74 75 13 13 pour parler.')).toEqual(['09 74 75 13 13']);
  });
});
