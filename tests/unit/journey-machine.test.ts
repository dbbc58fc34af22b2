// The one journey state machine, alone and with a mediator: every transition (answer, start, end of a step, next,
// previous, stop, the consent and the hand-off that only a mediator has), and the moves it refuses.
import { describe, expect, it } from 'vitest';
import type { JourneyBody } from '../../common/api/types';
import type { InlineLine } from '../../common/content/inline-nodes';
import {
  canStop,
  focusKey,
  journeyReducer,
  lastEnded,
  readinessBlocked,
  startJourney,
  type JourneyAction,
  type JourneyState,
} from '../../renderer/journey/journey-machine';

/** A line of plain text, as the pack stores it. */
const line = (text: string): InlineLine => [{ type: 'text', text }];
const step = (id: string, end = false) => ({ id, title: `Titre ${id}`, text: [], atHand: [], secret: false, problems: [], end });
/** A helper step inserted by "no code", something to bring that does not block, one that blocks. */
const body: JourneyBody = {
  readiness: [
    { id: 'code', question: line('Avez-vous le code ?'), ifNo: { insert: ['nouveau-code'] } },
    { id: 'carte', question: line('Avez-vous la carte ?'), ifNo: { bring: [line('Votre carte Vitale')], blocks: false } },
    { id: 'telephone', question: line('Avez-vous le téléphone ?'), ifNo: { bring: [line('Votre téléphone')], blocks: true } },
  ],
  steps: [step('site'), step('nouveau-code'), step('numero'), step('fin')],
  offline: { title: '', text: [] },
};
const twoPaths: JourneyBody = {
  readiness: [{ id: 'identite', question: line('Avez-vous France Identité ?'), ifNo: { path: 'sans-1' } }],
  steps: [step('avec-1'), step('avec-2', true), step('sans-1'), step('sans-2')],
  offline: { title: '', text: [] },
};
const noQuestions: JourneyBody = { readiness: [], steps: [step('a'), step('b')], offline: { title: '', text: [] } };
const at = new Date(0);

const run = (state: JourneyState, ...actions: JourneyAction[]) => actions.reduce(journeyReducer, state);
const yes: JourneyAction = { type: 'answer', yes: true };
const no: JourneyAction = { type: 'answer', yes: false };
const onStep = (state: JourneyState) => (state.phase.name === 'step' ? state.body.steps[state.phase.index]?.id : state.phase.name);
/** Consent given, all three readiness answers "yes", started: on the first step with a mediator. */
const assistedOnFirstStep = () =>
  run(startJourney(body, 'assisted'), { type: 'consent', resumeAt: null }, yes, yes, yes, { type: 'start' });
const endStep = (state: JourneyState, outcome: 'done' | 'skipped' | 'blocked', reason?: 'sms-not-received') =>
  journeyReducer(state, {
    type: 'endStep',
    step: onStep(state) as string,
    outcome,
    by: outcome === 'blocked' ? 'visitor' : 'mediator',
    ...(reason ? { reason } : {}),
    at,
  });

describe('a journey alone', () => {
  it('opens on the readiness questions, or on the first step when there are none', () => {
    expect(startJourney(body, 'alone').phase).toEqual({ name: 'readiness', question: 0, bring: [], blocked: false, missing: [] });
    expect(startJourney(noQuestions, 'alone').phase).toEqual({ name: 'step', index: 0, panel: null });
  });

  it('answers each question; "start" before the last answer does nothing, after it starts on the visitor\'s path', () => {
    const state = run(startJourney(body, 'alone'), no, yes);
    expect(state.phase).toMatchObject({ name: 'readiness', question: 2, missing: ['code'] });
    expect(journeyReducer(state, { type: 'start' })).toBe(state);
    const started = run(state, yes, { type: 'start' });
    expect(started.path).toEqual([0, 1, 2, 3]);
    expect(started.phase).toEqual({ name: 'step', index: 0, panel: null });
    // Answers after the last question, or on a step, change nothing.
    expect(journeyReducer(started, yes)).toBe(started);
  });

  it('without the helper step, next goes along the path and past its last step to "done"', () => {
    let state = run(startJourney(body, 'alone'), yes, yes, yes, { type: 'start' });
    expect(state.path).toEqual([0, 2, 3]);
    state = journeyReducer(state, { type: 'next' });
    expect(onStep(state)).toBe('numero');
    state = run(state, { type: 'next' }, { type: 'next' });
    expect(state.phase).toEqual({ name: 'done' });
    expect(journeyReducer(state, { type: 'next' })).toBe(state);
  });

  it('previous from the first step stays there; later it goes back along the path, never to a step off it', () => {
    const first = run(startJourney(body, 'alone'), yes, yes, yes, { type: 'start' });
    expect(journeyReducer(first, { type: 'previous' })).toBe(first);
    const third = run(first, { type: 'next' }, { type: 'next' });
    expect(onStep(third)).toBe('fin');
    expect(onStep(journeyReducer(third, { type: 'previous' }))).toBe('numero');
    expect(onStep(run(third, { type: 'previous' }, { type: 'previous' }))).toBe('site');
  });

  it('the other path starts at its own first step, and previous stops there', () => {
    const state = run(startJourney(twoPaths, 'alone'), no, { type: 'start' });
    expect(onStep(state)).toBe('sans-1');
    expect(journeyReducer(state, { type: 'previous' })).toBe(state);
  });

  it('a needed thing missing ends the readiness questions for today', () => {
    const state = run(startJourney(body, 'alone'), yes, yes, no);
    expect(readinessBlocked(state)).toBe(true);
    expect(readinessBlocked(run(startJourney(body, 'alone'), yes, no, yes))).toBe(false);
  });

  it('has no consent, no step outcomes, no panels and no stop', () => {
    const state = startJourney(noQuestions, 'alone');
    expect(journeyReducer(state, { type: 'consent', resumeAt: null })).toBe(state);
    expect(endStep(state, 'done')).toBe(state);
    expect(journeyReducer(state, { type: 'panel', panel: 'reason' })).toBe(state);
    expect(journeyReducer(state, { type: 'stop', outcome: 'stopped', wait: null })).toBe(state);
    expect(canStop(state)).toBe(false);
  });
});

describe('a journey with a mediator', () => {
  it('opens on the consent card; consent leads to the readiness questions, or to the first step', () => {
    const state = startJourney(body, 'assisted');
    expect(state.phase).toEqual({ name: 'consent' });
    expect(journeyReducer(state, { type: 'next' })).toBe(state);
    expect(journeyReducer(state, yes)).toBe(state);
    expect(journeyReducer(state, { type: 'consent', resumeAt: null }).phase).toMatchObject({ name: 'readiness', question: 0 });
    expect(run(startJourney(noQuestions, 'assisted'), { type: 'consent', resumeAt: null }).phase).toEqual({
      name: 'step',
      index: 0,
      panel: null,
    });
  });

  it('a ticket resumes at its step, on the path through it; an unknown step falls back to the questions', () => {
    const resumed = run(startJourney(twoPaths, 'assisted'), { type: 'consent', resumeAt: 'sans-2' });
    expect(onStep(resumed)).toBe('sans-2');
    expect(resumed.path).toEqual([2, 3]);
    expect(onStep(journeyReducer(resumed, { type: 'previous' }))).toBe('sans-1');
    expect(run(startJourney(twoPaths, 'assisted'), { type: 'consent', resumeAt: 'gone' }).phase.name).toBe('readiness');
    // The consent is given once.
    expect(journeyReducer(resumed, { type: 'consent', resumeAt: null })).toBe(resumed);
  });

  it('a step done or skipped goes on; the receipt lists it with who did it', () => {
    const state = endStep(endStep(assistedOnFirstStep(), 'done'), 'skipped');
    expect(onStep(state)).toBe('fin');
    expect(state.ended.map((line) => [line.step, line.outcome, line.by])).toEqual([
      ['site', 'done', 'mediator'],
      ['numero', 'skipped', 'mediator'],
    ]);
    expect(lastEnded(state)?.step).toBe('numero');
  });

  it('a late answer for a step no longer on screen changes nothing', () => {
    const state = endStep(assistedOnFirstStep(), 'done');
    expect(journeyReducer(state, { type: 'endStep', step: 'site', outcome: 'done', by: 'visitor', at })).toBe(state);
    expect(journeyReducer(state, { type: 'correct', step: 'numero', correction: { outcome: 'skipped', by: 'visitor' } })).toBe(state);
  });

  it('a blocked step keeps its reason and asks the way on; next goes on, the hand-off resumes at it', () => {
    const blocked = endStep(assistedOnFirstStep(), 'blocked', 'sms-not-received');
    expect(blocked.phase).toEqual({ name: 'step', index: 0, panel: 'next' });
    expect(blocked.reasons).toEqual({ site: 'sms-not-received' });
    const end = endStep(endStep(journeyReducer(blocked, { type: 'next' }), 'done'), 'done');
    expect(end.phase).toEqual({ name: 'handoff', outcome: 'blocked', resumeAt: 'site', bring: [], wait: null });
  });

  it('every step done: the hand-off has nothing to resume and lists what the visitor brings later', () => {
    let state = run(startJourney(body, 'assisted'), { type: 'consent', resumeAt: null }, yes, no, yes, { type: 'start' });
    expect(state.later).toEqual({ bring: [[line('Votre carte Vitale')]], missing: ['carte'] });
    state = endStep(endStep(endStep(state, 'done'), 'done'), 'done');
    expect(state.phase).toEqual({ name: 'handoff', outcome: 'done', resumeAt: null, bring: [[line('Votre carte Vitale')]], wait: null });
    expect(journeyReducer(state, { type: 'next' })).toBe(state);
    expect(journeyReducer(state, { type: 'previous' })).toBe(state);
  });

  it('a blocked step corrected to done while still on it goes on; the receipt and the reasons follow', () => {
    const blocked = endStep(assistedOnFirstStep(), 'blocked', 'sms-not-received');
    const corrected = journeyReducer(run(blocked, { type: 'panel', panel: 'correct' }), {
      type: 'correct',
      step: 'site',
      correction: { outcome: 'done', by: 'visitor' },
    });
    expect(onStep(corrected)).toBe('numero');
    expect(corrected.reasons).toEqual({});
    expect(corrected.outcomes).toEqual({ site: 'done' });
    expect(corrected.ended).toEqual([{ step: 'site', outcome: 'done', by: 'visitor', at }]);
  });

  it('a step corrected to blocked from the next one keeps the journey there; on the same step it asks the way on', () => {
    const later = endStep(assistedOnFirstStep(), 'done');
    const corrected = journeyReducer(run(later, { type: 'panel', panel: 'correct' }), {
      type: 'correct',
      step: 'site',
      correction: { outcome: 'blocked', reason: 'code-expired' },
    });
    expect(corrected.phase).toEqual({ name: 'step', index: 2, panel: null });
    expect(corrected.ended[0]).toMatchObject({ outcome: 'blocked', by: 'visitor' });
    expect(corrected.reasons).toEqual({ site: 'code-expired' });

    const blocked = endStep(assistedOnFirstStep(), 'blocked', 'sms-not-received');
    const stillBlocked = journeyReducer(blocked, { type: 'correct', step: 'site', correction: { outcome: 'blocked', reason: 'other' } });
    expect(stillBlocked.phase).toEqual({ name: 'step', index: 0, panel: 'next' });
    expect(stillBlocked.reasons).toEqual({ site: 'other' });
  });

  it('no correction before a step has ended', () => {
    const state = assistedOnFirstStep();
    expect(lastEnded(state)).toBeNull();
    expect(journeyReducer(state, { type: 'correct', step: 'site', correction: { outcome: 'done', by: 'visitor' } })).toBe(state);
  });

  it('panels open and cancel: leaving a correction of a step still blocked comes back to its way on', () => {
    const state = assistedOnFirstStep();
    expect(journeyReducer(state, { type: 'panel', panel: 'reason' }).phase).toMatchObject({ panel: 'reason' });
    expect(run(state, { type: 'panel', panel: 'wait' }, { type: 'cancel' }).phase).toMatchObject({ panel: null });
    expect(journeyReducer(state, { type: 'cancel' })).toBe(state);
    const blocked = endStep(state, 'blocked', 'sms-not-received');
    expect(run(blocked, { type: 'panel', panel: 'correct' }, { type: 'cancel' }).phase).toMatchObject({ panel: 'next' });
    // Back on a blocked step by "previous", a reason panel cancelled closes to the step's own buttons.
    const back = run(blocked, { type: 'next' }, { type: 'previous' }, { type: 'panel', panel: 'reason' }, { type: 'cancel' });
    expect(back.phase).toEqual({ name: 'step', index: 0, panel: null });
  });

  it('previous from the first step stays; from a later step it goes back with no panel open', () => {
    const first = assistedOnFirstStep();
    expect(journeyReducer(first, { type: 'previous' })).toBe(first);
    const second = run(endStep(first, 'done'), { type: 'panel', panel: 'wait' }, { type: 'previous' });
    expect(second.phase).toEqual({ name: 'step', index: 0, panel: null });
  });

  it('stop from any phase: nothing before the consent or after the hand-off; otherwise the hand-off at the step on screen', () => {
    const consent = startJourney(body, 'assisted');
    const stop: JourneyAction = { type: 'stop', outcome: 'idle', closing: 'idle', wait: 'sms' };
    expect(canStop(consent)).toBe(false);
    expect(journeyReducer(consent, stop)).toBe(consent);

    const readiness = run(consent, { type: 'consent', resumeAt: null }, no);
    expect(canStop(readiness)).toBe(true);
    expect(journeyReducer(readiness, stop).phase).toEqual({
      name: 'handoff',
      outcome: 'idle',
      resumeAt: 'site',
      bring: [],
      closing: 'idle',
      wait: 'sms',
    });
    // Stopped on the other path's questions: the ticket resumes at that path's first step.
    const other = run(startJourney(twoPaths, 'assisted'), { type: 'consent', resumeAt: null }, no);
    expect(journeyReducer(other, stop).phase).toMatchObject({ resumeAt: 'sans-1' });

    const onSecond = endStep(run(consent, { type: 'consent', resumeAt: null }, yes, no, yes, { type: 'start' }), 'done');
    const stopped = journeyReducer(onSecond, { type: 'stop', outcome: 'stopped', wait: null });
    expect(stopped.phase).toEqual({
      name: 'handoff',
      outcome: 'stopped',
      resumeAt: 'numero',
      bring: [[line('Votre carte Vitale')]],
      wait: null,
    });
    expect(canStop(stopped)).toBe(false);
    expect(journeyReducer(stopped, stop)).toBe(stopped);

    const panelOpen = run(onSecond, { type: 'panel', panel: 'reason' });
    expect(journeyReducer(panelOpen, { type: 'stop', outcome: 'blocked', wait: null }).phase).toMatchObject({ resumeAt: 'numero' });
  });
});

describe('where the focus goes', () => {
  it('changes with each question, step and panel, and not otherwise', () => {
    const state = assistedOnFirstStep();
    const keys = [
      startJourney(body, 'assisted'),
      run(startJourney(body, 'assisted'), { type: 'consent', resumeAt: null }),
      run(startJourney(body, 'assisted'), { type: 'consent', resumeAt: null }, yes),
      state,
      journeyReducer(state, { type: 'panel', panel: 'reason' }),
      endStep(state, 'done'),
    ].map((s) => focusKey(s.phase));
    expect(new Set(keys).size).toBe(keys.length);
    expect(focusKey(journeyReducer(state, { type: 'cancel' }).phase)).toBe(focusKey(state.phase));
  });
});
