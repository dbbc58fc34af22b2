// The readiness questions' arithmetic: each "no" adds something to bring, or moves the journey's first step.
import type { JourneyBody } from '../../common/api/types';

/** Where the readiness questions stand: the question asked, what to bring so far, the step the journey starts at. */
export interface ReadinessState {
  readonly question: number;
  readonly bring: readonly string[];
  readonly startAt: number;
}

/** The state after answering the current question. */
export function answerReadiness(body: JourneyBody, state: ReadinessState, yes: boolean): ReadinessState {
  const question = body.readiness[state.question];
  const next = { ...state, question: state.question + 1 };
  if (yes || !question) return next;
  if ('bring' in question.if_no) return { ...next, bring: [...state.bring, question.if_no.bring] };
  const target = question.if_no.goto;
  return {
    ...next,
    startAt: Math.max(
      0,
      body.steps.findIndex((s) => s.id === target),
    ),
  };
}
