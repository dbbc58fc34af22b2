// The search snippet cut from a text as written: the matched words marked, folded as queries are, cut near them.
import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../main/content/snippet';
import { bracketed as shown } from './helpers/snippet-text';

describe('search snippet', () => {
  it('marks words by prefix, without regard to accents or case, and keeps them as written', () => {
    expect(shown(snippetOf('Votre Sécurité sociale vous rembourse.', { prefixes: ['securite', 'soc'], whole: [] }))).toBe(
      'Votre [Sécurité] [sociale] vous rembourse.',
    );
  });

  it('marks a correction only as a whole word', () => {
    const query = { prefixes: ['traitent'], whole: ['traitant'] };
    expect(shown(snippetOf('Le médecin traitant, pas les traitants.', query))).toBe('Le médecin [traitant], pas les traitants.');
  });

  it('marks an Arabic word written with hamza and short vowels when typed without them', () => {
    expect(shown(snippetOf('ادفع مسبقًا عند الإغلاق', { prefixes: ['مسبقا', 'الاغلاق'], whole: [] }))).toBe('ادفع [مسبقًا] عند [الإغلاق]');
  });

  it('cuts about twelve words, from the sentence of the matches, with an ellipsis where text is left out', () => {
    const text = `${'Un deux trois quatre cinq six sept huit neuf dix onze douze treize.'} Votre carte Vitale est à jour. Fin du texte ici avec encore des mots.`;
    const snippet = shown(snippetOf(text, { prefixes: ['vitale'], whole: [] }));
    expect(snippet.startsWith('…Votre carte [Vitale]')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.split(/\s+/).length).toBeLessThanOrEqual(12);
  });

  it('shows the start of the text when nothing in it matched (a title match)', () => {
    expect(shown(snippetOf('Court texte.', { prefixes: ['absent'], whole: [] }))).toBe('Court texte.');
  });
});
