// The readiness questions never skip a step: a "no" adds something to bring (with "continue anyway" when it does not
// block), inserts the helper steps that solve it and comes back, or takes the other path; each path counts its own steps.
import { describe, expect, it } from 'vitest';
import type { JourneyBody } from '../../common/api/types';
import type { InlineLine } from '../../common/content/inline-nodes';
import { answerReadiness, missingFor, nextOnPath, readinessStart, visitorPath } from '../../renderer/journey/readiness-state';
import { positionOnPath } from '../../renderer/journey/step-position';

/** A line of plain text, as the pack stores it. */
const line = (text: string): InlineLine => [{ type: 'text', text }];
const step = (id: string, end = false) => ({ id, title: id, text: [], atHand: [], secret: false, problems: [], end });
const body: JourneyBody = {
  readiness: [
    { id: 'code', question: line('Avez-vous le code ?'), ifNo: { insert: ['nouveau-code'] } },
    { id: 'carte', question: line('Avez-vous la carte ?'), ifNo: { bring: [line('Votre carte Vitale')], blocks: false } },
    { id: 'telephone', question: line('Avez-vous le téléphone ?'), ifNo: { bring: [line('Votre téléphone')], blocks: true } },
  ],
  steps: [step('site'), step('nouveau-code'), step('numero'), step('date'), step('fin')],
  offline: { title: '', text: [] },
};
const twoPaths: JourneyBody = {
  readiness: [{ id: 'identite', question: line('Avez-vous France Identité ?'), ifNo: { path: 'sans-1' } }],
  steps: [step('avec-1'), step('avec-2', true), step('sans-1'), step('sans-2'), step('sans-3')],
  offline: { title: '', text: [] },
};

describe('readiness questions', () => {
  it('on yes: the next question, and the path without the helper steps', () => {
    const state = answerReadiness(body, readinessStart, true);
    expect(state).toEqual({ question: 1, bring: [], blocked: false, missing: [] });
    expect(visitorPath(body, state.missing)).toEqual([0, 2, 3, 4]);
    expect(positionOnPath(visitorPath(body, []), 2)).toEqual({ n: 2, total: 4 });
  });

  it('"I have no code" inserts the step that gets one, where it belongs, and the journey comes back: nothing before it is skipped', () => {
    const state = answerReadiness(body, readinessStart, false);
    const path = visitorPath(body, state.missing);
    expect(path).toEqual([0, 1, 2, 3, 4]);
    expect(path[0]).toBe(0);
    expect(nextOnPath(path, 1)).toBe(2);
    expect(positionOnPath(path, 1)).toEqual({ n: 2, total: 5 });
  });

  it('something to bring that does not block lets the journey go on; one that blocks does not', () => {
    const carte = answerReadiness(body, answerReadiness(body, readinessStart, true), false);
    expect(carte).toMatchObject({ bring: [[line('Votre carte Vitale')]], blocked: false });
    const both = answerReadiness(body, carte, false);
    expect(both).toMatchObject({ bring: [[line('Votre carte Vitale')], [line('Votre téléphone')]], blocked: true, question: 3 });
  });

  it('a "no" that takes the other path starts at its first step and counts only its steps', () => {
    expect(visitorPath(twoPaths, [])).toEqual([0, 1]);
    const path = visitorPath(twoPaths, answerReadiness(twoPaths, readinessStart, false).missing);
    expect(path).toEqual([2, 3, 4]);
    expect(positionOnPath(path, 2)).toEqual({ n: 1, total: 3 });
    expect(nextOnPath(path, 4)).toBeNull();
  });

  it('a resume ticket at a step finds the path through it', () => {
    expect(visitorPath(twoPaths, missingFor(twoPaths, 'sans-2'))).toEqual([2, 3, 4]);
    expect(visitorPath(body, missingFor(body, 'nouveau-code'))).toContain(1);
    expect(visitorPath(body, missingFor(body, 'date'))).toEqual([0, 2, 3, 4]);
  });
});
