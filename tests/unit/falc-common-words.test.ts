// The common-words check of the FALC linter: a hard word outside the shipped lists and the glossary is flagged.
import { describe, expect, it } from 'vitest';
import { checkCommonWords, commonFrenchWords } from '../../build/content/falc/common-words';

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

  it('flags a hard word, as a warning that names it', () => {
    expect(flagged('Votre dossier est subséquemment transmis.')).toBe('subséquemment, transmis');
    expect(checkCommonWords('Un remboursement subséquent.', glossary)?.severity).toBe('warning');
  });
});
