// The common-words check of the FALC linter: a hard word outside the shipped lists and the glossary is flagged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommonWords, commonFrenchWords } from '../../build/content/falc/common-words';

const listed = (file: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'build', 'content', 'falc', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

const glossary = new Set(['carte', 'vitale', 'dépistage']);
const flagged = (line: string) => checkCommonWords(line, glossary)?.message.split(':')[0] ?? null;

describe('common words', () => {
  it('ships a list of common French words, and the rare words the pages need', () => {
    expect(commonFrenchWords.size).toBeGreaterThan(500);
    for (const word of ['vous', 'médecin', 'gratuit', 'attestation']) expect(commonFrenchWords.has(word)).toBe(true);
  });

  it('lets common words, glossary links, glossary words, names and numbers through', () => {
    expect(flagged('Vous pouvez appeler le 3646.')).toBeNull();
    expect(flagged("Prenez votre [[carte-vitale]] et l'[[assurance-maladie|attestation compliquée]].")).toBeNull();
    expect(flagged('Le dépistage est gratuit.')).toBeNull();
    expect(flagged('Ouvrez FranceConnect ou Mon espace santé.')).toBeNull();
  });

  it('looks a word up without the pronoun tied to its verb, and a plural under its singular', () => {
    expect(flagged('Tapez-les, puis cherchez-la.')).toBeNull();
    expect(flagged('Parlez-en à votre médecin.')).toBeNull();
    expect(flagged('Vos cartes vitales sont prêtes.')).toBeNull();
    expect(flagged('Subséquemment-les.')).toBe('subséquemment-les');
  });

  it('keeps plain word forms in its lists, each word in one list only', () => {
    const common = listed('common-words-fr.txt');
    const rare = listed('rare-words-fr.txt');
    // "rendez-vous" is a noun, not a verb with its pronoun.
    const plain = (word: string) =>
      word === 'rendez-vous' ||
      (/^[a-zàâçéèêëîïôöûùüÿœæ'-]+$/u.test(word) &&
        !/^(?:l|d|n|s|c|j|m|t|qu)'/u.test(word) &&
        !/-(?:t-)?(?:le|la|les|lui|leur|moi|toi|nous|vous|en|y)$/u.test(word));
    expect(common.filter((w) => !plain(w))).toEqual([]);
    expect(rare.filter((w) => !plain(w))).toEqual([]);
    expect(common.filter((w) => rare.includes(w))).toEqual([]);
    expect(new Set(common).size).toBe(common.length);
    // A plural noun or adjective is found under its singular ("ces", "aux", "mois" are words of their own).
    expect(common.filter((w) => w.length > 4 && /[sx]$/u.test(w) && common.includes(w.slice(0, -1)))).toEqual([]);
  });

  it('flags a hard word, as a warning that names it', () => {
    expect(flagged('Votre dossier est subséquemment transmis.')).toBe('subséquemment, transmis');
    expect(checkCommonWords('Un remboursement subséquent.', glossary)?.severity).toBe('warning');
  });
});
