// Every state of the visitor app that must stay usable by everyone: the one list both accessibility checks walk.
// The in-app self-check (admin area) opens each state that is a screen, with every page of the installed content;
// the browser sweep (tests/e2e/a11y-sweep.spec.ts) reaches every state, dialogs included, by tapping its way there.
// A new screen or dialog is one more line here: the sweep then does not type-check until it knows how to reach it.
import { needIds, type Screen } from './screens';

/** The pages of the installed content pack, by kind. */
export interface StagePlan {
  readonly topics: readonly string[];
  readonly journeys: readonly string[];
}

export interface VisitorStateDef {
  readonly name: string;
  /** Reached from the state listed just before it (a journey takes a dozen taps to walk twice). */
  readonly continues?: true;
  /** The screens the self-check opens for this state; absent for a dialog or a state only taps can reach. */
  readonly stage?: (plan: StagePlan) => readonly Screen[];
}

const screen = (s: Screen) => (): readonly Screen[] => [s];

export const visitorStates = [
  { name: 'home', stage: screen({ name: 'home' }) },
  ...needIds.map((need) => ({ name: `need ${need}` as const, stage: screen({ name: 'need', need }) })),
  { name: 'topic with glossary words', stage: (plan) => plan.topics.map((id): Screen => ({ name: 'item', id })) },
  { name: 'glossary definition dialog', continues: true },
  { name: 'journey: readiness question', stage: (plan) => plan.journeys.map((id): Screen => ({ name: 'item', id })) },
  { name: 'journey: offline way shown', continues: true },
  { name: 'journey: what to bring' },
  { name: 'journey: step with problems open' },
  { name: 'journey: done', continues: true },
  { name: 'search: empty', stage: screen({ name: 'search' }) },
  { name: 'search: results', continues: true },
  { name: 'search: no result', continues: true },
  { name: 'search: on-screen keyboard open', continues: true },
  { name: 'read aloud: reading, or the no-voice message' },
  { name: 'help', stage: screen({ name: 'help' }) },
  { name: 'emergency', stage: screen({ name: 'emergency' }) },
  { name: 'Confort dialog' },
  { name: '"Terminer" confirmation' },
  // Assisted mode stays open once unlocked (it is part of the visit): these states come last.
  { name: 'assisted: mediator unlock dialog' },
  { name: 'assisted: consent card', continues: true },
  { name: 'assisted: resume ticket dialog' },
  { name: 'assisted: step beside the mediator panel' },
  { name: 'assisted: blocked reasons', continues: true },
  { name: 'assisted: secret step', continues: true },
  { name: 'assisted: hand-off page', continues: true },
] as const satisfies readonly VisitorStateDef[];

export type VisitorStateName = (typeof visitorStates)[number]['name'];

/** The screens the self-check opens, in the registry's order, each once. */
export function stagedScreens(plan: StagePlan): Screen[] {
  const states: readonly VisitorStateDef[] = visitorStates;
  return states.flatMap((state) => state.stage?.(plan) ?? []);
}
