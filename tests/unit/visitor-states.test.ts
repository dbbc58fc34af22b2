// The registry of visitor states is the one list both accessibility checks walk: the self-check stages its screens.
import { describe, expect, it } from 'vitest';
import { needIds, screenName } from '../../renderer/kit/screens';
import { stagedScreens, visitorStates } from '../../renderer/kit/visitor-states';
import { screenKinds } from '../../common/api/types';

describe('visitor states', () => {
  const plan = { topics: ['t1', 't2'], journeys: ['j1'] };

  it('the self-check stages every screen of the registry with every page of the pack, each once', () => {
    expect(stagedScreens(plan).map(screenName)).toEqual([
      'home',
      ...needIds.map((need) => `need-${need}`),
      'item-t1',
      'item-t2',
      'item-j1',
      'search',
      'help',
      'emergency',
    ]);
  });
  it('every kind of screen a visitor can reach is staged by some state', () => {
    expect(new Set(stagedScreens(plan).map((s) => s.name))).toEqual(new Set(screenKinds));
  });
  it('names are unique, and a state that continues follows another', () => {
    const names = visitorStates.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect('continues' in visitorStates[0]).toBe(false);
  });
});
