// The readiness questions' arithmetic, and the path they make: a "no" adds something to bring, inserts the helper
// steps that solve it, or takes the other path of a two-path journey. A "no" never skips a step of the visitor's path.
import type { JourneyBody } from '../../common/api/types';
import type { RichText } from '../../common/content/inline-nodes';

/** Where the readiness questions stand: the question asked, what to bring so far, the questions answered "no". */
export interface ReadinessState {
  readonly question: number;
  readonly bring: readonly RichText[];
  /** True when one of the things to bring is needed to go on (no "continue anyway"). */
  readonly blocked: boolean;
  /** Ids of the questions answered "no". */
  readonly missing: readonly string[];
}

export const readinessStart: ReadinessState = { question: 0, bring: [], blocked: false, missing: [] };

/** The state after answering the current question. */
export function answerReadiness(body: JourneyBody, state: ReadinessState, yes: boolean): ReadinessState {
  const question = body.readiness[state.question];
  const next = { ...state, question: state.question + 1 };
  if (yes || !question) return next;
  const missing = [...state.missing, question.id];
  if ('bring' in question.ifNo)
    return { ...next, missing, bring: [...state.bring, question.ifNo.bring], blocked: state.blocked || question.ifNo.blocks };
  return { ...next, missing };
}

/** The journey's paths: the steps up to one marked `end`, then the rest (as indices into `steps`). */
function pathsOf(body: JourneyBody): number[][] {
  const paths: number[][] = [[]];
  body.steps.forEach((step, index) => {
    (paths[paths.length - 1] as number[]).push(index);
    if (step.end && index < body.steps.length - 1) paths.push([]);
  });
  return paths;
}

/**
 * The steps this visitor goes through, in order (indices into `steps`): the first path, or the other one a "no"
 * chose; without the helper steps of questions answered "yes".
 */
export function visitorPath(body: JourneyBody, missing: readonly string[]): readonly number[] {
  const helperOf = new Map<string, string>();
  let start: string | null = null;
  for (const question of body.readiness) {
    if ('insert' in question.ifNo) for (const id of question.ifNo.insert) helperOf.set(id, question.id);
    if ('path' in question.ifNo && missing.includes(question.id)) start = question.ifNo.path;
  }
  const paths = pathsOf(body);
  const chosen = (start !== null && paths.find((path) => body.steps[path[0] ?? -1]?.id === start)) || (paths[0] as number[]);
  return chosen.filter((index) => {
    const question = helperOf.get(body.steps[index]?.id ?? '');
    return question === undefined || missing.includes(question);
  });
}

/** The "no" answers that make a path through `stepId` (a resume ticket starts there, on its own path). */
export function missingFor(body: JourneyBody, stepId: string): readonly string[] {
  const missing: string[] = [];
  const index = body.steps.findIndex((s) => s.id === stepId);
  for (const question of body.readiness) {
    if ('insert' in question.ifNo && question.ifNo.insert.includes(stepId)) missing.push(question.id);
    if ('path' in question.ifNo) {
      const start = body.steps.findIndex((s) => s.id === (question.ifNo as { path: string }).path);
      if (start >= 0 && index >= start) missing.push(question.id);
    }
  }
  return missing;
}

/** The step after `index` on the path, or null after its last one. */
export function nextOnPath(path: readonly number[], index: number): number | null {
  return path[path.indexOf(index) + 1] ?? null;
}

/** The step before `index` on the path, or null on its first one. */
export function previousOnPath(path: readonly number[], index: number): number | null {
  const at = path.indexOf(index);
  return at > 0 ? (path[at - 1] ?? null) : null;
}
