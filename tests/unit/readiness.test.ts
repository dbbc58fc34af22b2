import { describe, expect, it } from 'vitest';
import type { JourneyBody } from '../../common/api/types';
import { answerReadiness } from '../../renderer/journey/readiness-state';

const step = (id: string) => ({ id, title: id, text: '', at_hand: [], secret: false, problems: [], end: false });
const body: JourneyBody = {
  readiness: [
    { id: 'code', question: 'Avez-vous le code ?', if_no: { goto: 'nouveau-code' } },
    { id: 'carte', question: 'Avez-vous la carte ?', if_no: { bring: 'Votre carte Vitale' } },
  ],
  steps: [step('site'), step('nouveau-code'), step('fin')],
  offline: { title: '', text: '' },
};

describe('readiness questions', () => {
  it('goes to the next question on yes, and starts at the first step', () => {
    expect(answerReadiness(body, { question: 0, bring: [], startAt: 0 }, true)).toEqual({ question: 1, bring: [], startAt: 0 });
  });

  it('moves the start to another step, or adds something to bring, on no', () => {
    const moved = answerReadiness(body, { question: 0, bring: [], startAt: 0 }, false);
    expect(moved).toEqual({ question: 1, bring: [], startAt: 1 });
    expect(answerReadiness(body, moved, false)).toEqual({ question: 2, bring: ['Votre carte Vitale'], startAt: 1 });
  });
});
