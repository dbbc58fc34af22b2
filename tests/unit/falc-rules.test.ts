import { describe, expect, it } from 'vitest';
import { checkFrenchLine, checkOtherLine } from '../../build/content/falc/rules';
import { fleschReadingEase, frenchSyllables, kandelMoles, sentencesOf } from '../../common/content/readability';

const context = { knownAcronyms: new Set(['SMS', 'CPAM']) };
const rulesOf = (line: string) => checkFrenchLine(line, context).map((f) => f.rule);

describe('FALC rules, each on a bad and a good example', () => {
  it.each([
    [
      'sentence-too-long',
      'Vous devez apporter votre carte Vitale et votre lettre avec le code provisoire quand vous venez au guichet de la caisse demain.',
      'Apportez votre carte Vitale.',
    ],
    ['sentence-long', 'Vous pouvez aussi demander un nouveau code sur le site ou au guichet de la caisse.', 'Demandez un nouveau code.'],
    ['one-sentence-per-line', 'Ouvrez le site. Touchez le bouton.', 'Ouvrez le site.'],
    ['percentage', 'Seulement 17 % des personnes ont activé leur espace.', 'Peu de personnes ont activé leur espace.'],
    ['big-number', 'Plus de 65 000 000 personnes ont un profil.', 'Appelez le 3646.'],
    ['number-in-words', 'Tapez le mot de passe deux fois.', 'Tapez le mot de passe 2 fois.'],
    ['number-in-words', 'Vous avez trente jours.', 'Vous avez 30 jours, avec un téléphone neuf.'],
    ['acronym', 'Allez à la CAF avec vos papiers.', 'Vous recevez un SMS.'],
    ['etc', 'Prenez vos papiers, votre carte, etc.', 'Prenez vos papiers et votre carte.'],
    ['special-character', 'Prenez votre carte & vos papiers.', 'Prenez votre carte et vos papiers.'],
    ['italic-or-underline', 'Gardez *toujours* votre code.', 'Gardez **toujours** votre code.'],
    ['passive-voice', 'Le code est envoyé par la caisse.', 'La caisse envoie le code.'],
    ['double-negation', "Ce n'est pas impossible de le faire seul.", 'Vous pouvez le faire seul.'],
    ['same-word', 'Tapez le code temporaire.', 'Tapez le code provisoire.'],
  ])('%s', (rule, bad, good) => {
    expect(rulesOf(bad)).toContain(rule);
    expect(rulesOf(good)).not.toContain(rule);
  });

  it('accepts an acronym written as a glossary link, and phone numbers', () => {
    expect(rulesOf('Allez à la [[caf|CAF]] avec vos papiers.')).toEqual([]);
    expect(rulesOf('Appelez le 09 74 75 13 13.')).toEqual([]);
    expect(rulesOf('Vous recevez un [[e-mail]].')).toEqual([]);
  });

  it('checks sentence length, one sentence per line and one word for one thing in English and Arabic', () => {
    const rules = (line: string, locale: 'en' | 'ar') => checkOtherLine(line, locale).map((f) => f.rule);
    expect(rules('Open the site.', 'en')).toEqual([]);
    expect(rules(`${'word '.repeat(21).trim()}.`, 'en')).toEqual(['sentence-too-long']);
    expect(rules('Your carers can see it.', 'en')).toEqual(['same-word']);
    expect(rules('Your health professionals can see it.', 'en')).toEqual([]);
    // Arabic has no capital letters: a new sentence starts after an end mark and a space.
    expect(rules('انتظر بضع دقائق. اطلب رمزًا جديدًا.', 'ar')).toEqual(['one-sentence-per-line']);
    expect(rules('ليست معك رسالة؟ اطلب الرمز.', 'ar')).toEqual(['one-sentence-per-line']);
    expect(rules('اطلب رمزًا جديدًا.', 'ar')).toEqual([]);
    expect(rules('لا تحل محل أخصائي الصحة.', 'ar')).toEqual(['same-word']);
    expect(rules('لا تحل محل مهني الصحة.', 'ar')).toEqual([]);
  });
});

describe('readability scores', () => {
  it('scores short sentences of short words as easy, and long ones as hard', () => {
    expect(kandelMoles(['Vous avez un code.', 'Tapez le code.'])).toBeGreaterThan(90);
    expect(
      kandelMoles([
        'Conformément aux dispositions réglementaires applicables, la constitution administrative du dossier nécessite impérativement la transmission préalable des justificatifs.',
      ]),
    ).toBeLessThan(30);
    expect(fleschReadingEase(['You get a code.', 'Type the code.'])).toBeGreaterThan(90);
    expect(
      fleschReadingEase([
        'Notwithstanding applicable regulatory considerations, administrative documentation necessitates comprehensive verification.',
      ]),
    ).toBeLessThan(20);
  });

  it('counts French syllables and splits sentences', () => {
    expect(frenchSyllables('carte')).toBe(1);
    expect(frenchSyllables('médecin')).toBe(3);
    expect(sentencesOf('Ouvrez le site ameli.fr. Touchez le bouton !')).toEqual(['Ouvrez le site ameli.fr.', 'Touchez le bouton !']);
  });
});

describe('service numbers', () => {
  const rules = (line: string) => checkFrenchLine(line, { knownAcronyms: new Set(['SMS']) }).map((f) => f.rule);

  it('lets the known service numbers through the big-numbers rule, and only them', () => {
    expect(rules('Appelez le 116 117 le soir.')).toEqual([]);
    expect(rules('Appelez Drogues info service au 0 800 23 13 13.')).toEqual([]);
    expect(rules('Transférez le SMS au 33700.')).toEqual([]);
    expect(rules('Vous gagnez 12 500 euros.')).toEqual(['big-number']);
    expect(rules('Appelez le 116 118.')).toEqual(['big-number']);
  });

  it('lets a dated amount with the euro sign through, as the official tables write ceilings', () => {
    expect(rules('Pour 1 personne : 10 339 € par an.')).toEqual([]);
    expect(rules('Plus de 10 339 personnes ont demandé.')).toEqual(['big-number']);
  });
});
