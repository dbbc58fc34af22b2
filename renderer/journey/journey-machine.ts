// The one journey state machine, for a visitor alone and with a mediator: a pure reducer over the readiness answers,
// the start, each step ended, next, previous and stop; the consent card and the hand-off exist only with a mediator.
import type { AccompanimentOutcome, BlockedReason, JourneyBody, StepActor, StepOutcome, WaitKind } from '../../common/api/types';
import type { RichText } from '../../common/content/inline-nodes';
import {
  answerReadiness,
  missingFor,
  nextOnPath,
  previousOnPath,
  readinessStart,
  visitorPath,
  type ReadinessState,
} from './readiness-state';

export type JourneyMode = 'alone' | 'assisted';

/** Why an open accompaniment has to close: the visitor's "Terminer", or nobody answered the mediator's warning. */
export type Closing = 'visitor' | 'idle';

/** A corrected outcome taken apart: what the step is now, and who did it or why it is blocked. */
export type Correction =
  { readonly outcome: 'done' | 'skipped'; readonly by: StepActor } | { readonly outcome: 'blocked'; readonly reason: BlockedReason };

/** What the mediator has open under a step: a reason to choose, the way on after a block, a wait, a correction. */
export type StepPanel = 'reason' | 'next' | 'wait' | 'correct';

export type JourneyPhase =
  | { readonly name: 'consent' }
  | ({ readonly name: 'readiness' } & ReadinessState)
  | { readonly name: 'step'; readonly index: number; readonly panel: StepPanel | null }
  /** The visitor alone went past the last step of their path. */
  | { readonly name: 'done' }
  | {
      readonly name: 'handoff';
      readonly outcome: AccompanimentOutcome;
      /** The step a ticket resumes at, or null when the journey is finished. */
      readonly resumeAt: string | null;
      readonly bring: readonly RichText[];
      /** Set when the visit had to end mid-way: the hand-off closes the accompaniment by itself. */
      readonly closing?: Closing;
      /** What the accompaniment was waiting for when it stopped. */
      readonly wait: WaitKind | null;
    };

/** A step ended with the mediator, as the receipt lists it. */
export interface EndedStep {
  readonly step: string;
  readonly outcome: StepOutcome;
  readonly by: StepActor;
  readonly at: Date;
}

export interface JourneyState {
  readonly body: JourneyBody;
  readonly mode: JourneyMode;
  readonly phase: JourneyPhase;
  /** The visitor's own path through the steps (indices into `body.steps`). */
  readonly path: readonly number[];
  /** What the visitor will bring later while the journey goes on ("continue anyway"), and the "no" answers behind it. */
  readonly later: { readonly bring: readonly RichText[]; readonly missing: readonly string[] };
  /** Each step ended, in order (a correction rewrites the last one). */
  readonly ended: readonly EndedStep[];
  readonly outcomes: Readonly<Record<string, StepOutcome>>;
  readonly reasons: Readonly<Record<string, BlockedReason>>;
}

export type JourneyAction =
  /** Assisted: the visitor accepted; a ticket's step (if it belongs to this journey) is where the journey starts. */
  | { readonly type: 'consent'; readonly resumeAt: string | null }
  | { readonly type: 'answer'; readonly yes: boolean }
  /** After the readiness questions: "Commencer" or "Continuer quand même". */
  | { readonly type: 'start' }
  /** Assisted: the step on screen ended (already recorded in the journal); `step` names it, a late answer for another step is ignored. */
  | {
      readonly type: 'endStep';
      readonly step: string;
      readonly outcome: StepOutcome;
      readonly by: StepActor;
      readonly reason?: BlockedReason;
      readonly at: Date;
    }
  /** Assisted: the last ended step corrected (already recorded in the journal). */
  | { readonly type: 'correct'; readonly step: string; readonly correction: Correction }
  | { readonly type: 'panel'; readonly panel: StepPanel | null }
  /** Assisted: "Annuler" on an open panel. */
  | { readonly type: 'cancel' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  /** Assisted: the accompaniment stops here, with a ticket for the step on screen. */
  | {
      readonly type: 'stop';
      readonly outcome: AccompanimentOutcome;
      readonly closing?: Closing;
      readonly wait: WaitKind | null;
    };

const firstStep = (path: readonly number[]): JourneyPhase => ({ name: 'step', index: path[0] ?? 0, panel: null });

/** A journey as it opens: the consent card with a mediator; alone, the readiness questions or the first step. */
export function startJourney(body: JourneyBody, mode: JourneyMode): JourneyState {
  const path = visitorPath(body, []);
  const phase: JourneyPhase =
    mode === 'assisted' ? { name: 'consent' } : body.readiness.length > 0 ? { name: 'readiness', ...readinessStart } : firstStep(path);
  return { body, mode, phase, path, later: { bring: [], missing: [] }, ended: [], outcomes: {}, reasons: {} };
}

export function journeyReducer(state: JourneyState, action: JourneyAction): JourneyState {
  const { body, phase } = state;
  switch (action.type) {
    case 'consent': {
      if (phase.name !== 'consent') return state;
      const at = action.resumeAt ? body.steps.findIndex((s) => s.id === action.resumeAt) : -1;
      if (at >= 0 && action.resumeAt) {
        return { ...state, path: visitorPath(body, missingFor(body, action.resumeAt)), phase: { name: 'step', index: at, panel: null } };
      }
      return { ...state, phase: body.readiness.length > 0 ? { name: 'readiness', ...readinessStart } : firstStep(state.path) };
    }
    case 'answer':
      if (phase.name !== 'readiness' || !body.readiness[phase.question]) return state;
      return { ...state, phase: { name: 'readiness', ...answerReadiness(body, phase, action.yes) } };
    case 'start': {
      if (phase.name !== 'readiness' || !readinessOver(state)) return state;
      const path = visitorPath(body, phase.missing);
      return { ...state, path, later: { bring: phase.bring, missing: phase.missing }, phase: firstStep(path) };
    }
    case 'endStep': {
      const step = phase.name === 'step' ? body.steps[phase.index] : undefined;
      if (state.mode !== 'assisted' || phase.name !== 'step' || step?.id !== action.step) return state;
      const blocked = action.outcome === 'blocked';
      const ended = {
        ...state,
        ended: [...state.ended, { step: step.id, outcome: action.outcome, by: action.by, at: action.at }],
        outcomes: { ...state.outcomes, [step.id]: action.outcome },
        reasons: blocked ? { ...state.reasons, [step.id]: action.reason ?? 'other' } : state.reasons,
      };
      return blocked ? { ...ended, phase: { ...phase, panel: 'next' } } : goNext(ended, phase.index);
    }
    case 'correct': {
      const last = lastEnded(state);
      if (phase.name !== 'step' || last?.step !== action.step) return state;
      const { correction } = action;
      const blocked = correction.outcome === 'blocked';
      const { [last.step]: _was, ...otherReasons } = state.reasons;
      const corrected: JourneyState = {
        ...state,
        ended: [...state.ended.slice(0, -1), { ...last, outcome: correction.outcome, by: blocked ? 'visitor' : correction.by }],
        outcomes: { ...state.outcomes, [last.step]: correction.outcome },
        reasons: blocked ? { ...state.reasons, [last.step]: correction.reason } : otherReasons,
      };
      // Corrected while still on the step that was blocked: no longer blocked, the journey goes on.
      const here = body.steps[phase.index]?.id === last.step;
      if (here && !blocked) return goNext(corrected, phase.index);
      return { ...corrected, phase: { ...phase, panel: here ? 'next' : null } };
    }
    case 'panel':
      if (state.mode !== 'assisted' || phase.name !== 'step' || phase.panel === action.panel) return state;
      return { ...state, phase: { ...phase, panel: action.panel } };
    case 'cancel': {
      if (phase.name !== 'step' || phase.panel === null) return state;
      // Leaving a correction of a step still blocked comes back to its way on; any other panel just closes.
      const blockedHere = state.outcomes[body.steps[phase.index]?.id ?? ''] === 'blocked';
      return { ...state, phase: { ...phase, panel: phase.panel === 'correct' && blockedHere ? 'next' : null } };
    }
    case 'next':
      if (phase.name !== 'step') return state;
      return goNext(state, phase.index);
    case 'previous': {
      if (phase.name !== 'step') return state;
      const previous = previousOnPath(state.path, phase.index);
      return previous === null ? state : { ...state, phase: { name: 'step', index: previous, panel: null } };
    }
    case 'stop': {
      // Only an open accompaniment stops (after the consent, before its hand-off): it resumes at the step on screen.
      const at = phase.name === 'step' ? phase.index : phase.name === 'readiness' ? (visitorPath(body, phase.missing)[0] ?? 0) : null;
      if (state.mode !== 'assisted' || at === null) return state;
      return {
        ...state,
        phase: {
          name: 'handoff',
          outcome: action.outcome,
          resumeAt: body.steps[at]?.id ?? null,
          bring: state.later.bring,
          wait: action.wait,
          ...(action.closing ? { closing: action.closing } : {}),
        },
      };
    }
  }
}

/** The step after `index` on the path; past the last one, "done" alone or the hand-off with a mediator. */
function goNext(state: JourneyState, index: number): JourneyState {
  const next = nextOnPath(state.path, index);
  if (next !== null) return { ...state, phase: { name: 'step', index: next, panel: null } };
  if (state.mode === 'alone') return { ...state, phase: { name: 'done' } };
  // A step still blocked is where a ticket will pick the journey up again.
  const stuck = state.body.steps.find((s) => state.outcomes[s.id] === 'blocked');
  return {
    ...state,
    phase: { name: 'handoff', outcome: stuck ? 'blocked' : 'done', resumeAt: stuck?.id ?? null, bring: state.later.bring, wait: null },
  };
}

/** Every readiness question answered. */
export function readinessOver(state: JourneyState): boolean {
  return state.phase.name === 'readiness' && state.phase.question >= state.body.readiness.length;
}

/** The readiness answers ended the journey for today: something needed is missing. */
export function readinessBlocked(state: JourneyState): boolean {
  return readinessOver(state) && state.phase.name === 'readiness' && state.phase.bring.length > 0 && state.phase.blocked;
}

/** The step ended last: the one the mediator may correct. */
export function lastEnded(state: JourneyState): EndedStep | null {
  return state.ended[state.ended.length - 1] ?? null;
}

/** Whether an accompaniment would stop at the phase on screen (the consent is given and the hand-off not yet shown). */
export function canStop(state: JourneyState): boolean {
  return state.mode === 'assisted' && (state.phase.name === 'step' || state.phase.name === 'readiness');
}

/** Where the focus goes: a new step, question, panel or end takes it, as a new screen would. */
export function focusKey(phase: JourneyPhase): string {
  switch (phase.name) {
    case 'readiness':
      return `readiness-${phase.question}`;
    case 'step':
      return `step-${phase.index}-${phase.panel ?? ''}`;
    default:
      return phase.name;
  }
}
