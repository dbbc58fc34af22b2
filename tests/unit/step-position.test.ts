// The step counter counts within the visitor's own path: a two-path journey (the carte Vitale app: with France
// Identité, or without) once said "Étape 1 sur 13" on a 6-step path.
import { describe, expect, it } from 'vitest';
import { stepPosition } from '../../renderer/journey/step-position';

const twoPaths = [{}, {}, {}, {}, {}, { end: true }, {}, {}, {}, {}, {}, {}, {}];

describe('the step counter', () => {
  it('counts the first path on its own', () => {
    expect(stepPosition(twoPaths, 0)).toEqual({ n: 1, total: 6 });
    expect(stepPosition(twoPaths, 5)).toEqual({ n: 6, total: 6 });
  });

  it('starts again at 1 on the second path, out of its own steps', () => {
    expect(stepPosition(twoPaths, 6)).toEqual({ n: 1, total: 7 });
    expect(stepPosition(twoPaths, 12)).toEqual({ n: 7, total: 7 });
  });

  it('counts a one-path journey whole', () => {
    expect(stepPosition([{}, {}, {}], 1)).toEqual({ n: 2, total: 3 });
  });
});
