// Every screen and dialog of the visitor app, as a table: a name and how to reach it from the home screen.
// A new screen or dialog is one more line here, and the accessibility sweep checks it in every language and theme.
import { needIds } from '../../renderer/kit/screens';
import type { VisitorApp } from './visitor-app';

export interface VisitorState {
  readonly name: string;
  /** Starts on the home screen (no dialog open), or on the state before when `continues`; ends once the state is fully shown. */
  readonly reach: (app: VisitorApp) => Promise<unknown>;
  /** Reached from the state listed just before it: it saves walking the same way twice (a journey takes a dozen taps). */
  readonly continues?: true;
}

export const visitorStates: readonly VisitorState[] = [
  { name: 'home', reach: async () => {} },
  ...needIds.map((need) => ({ name: `need ${need}`, reach: (app: VisitorApp) => app.openNeed(need) })),
  { name: 'topic with glossary words', reach: (app) => app.openTopic() },
  { name: 'glossary definition dialog', continues: true, reach: (app) => app.openGlossaryDefinition() },
  { name: 'journey: readiness question', reach: (app) => app.openJourney() },
  { name: 'journey: offline way shown', continues: true, reach: (app) => app.showOfflineWay() },
  { name: 'journey: what to bring', reach: (app) => app.openJourneyAnswering('no') },
  { name: 'journey: step with problems open', reach: (app) => app.openJourneyAnswering('yes').then(() => app.openStepProblems()) },
  { name: 'journey: done', continues: true, reach: (app) => app.finishJourney() },
  { name: 'search: empty', reach: (app) => app.openSearch() },
  { name: 'search: results', continues: true, reach: (app) => app.search('ameli', 'results') },
  { name: 'search: no result', continues: true, reach: (app) => app.search('zzqxw', 'nothing') },
  { name: 'search: on-screen keyboard open', continues: true, reach: (app) => app.typeWithOnScreenKeyboard() },
  { name: 'read aloud: reading, or the no-voice message', reach: (app) => app.askReadAloud() },
  { name: 'help', reach: (app) => app.openHelp() },
  { name: 'emergency', reach: (app) => app.openEmergency() },
  { name: 'Confort dialog', reach: (app) => app.openComfort() },
  { name: '"Terminer" confirmation', reach: (app) => app.openEndConfirmation() },
  // Assisted mode stays open once unlocked (it is part of the visit): these states come last.
  { name: 'assisted: mediator unlock dialog', reach: (app) => app.openMediatorUnlock() },
  { name: 'assisted: consent card', continues: true, reach: (app) => app.unlockAndOpenJourney() },
  { name: 'assisted: resume ticket dialog', reach: (app) => app.openResumeTicket() },
  { name: 'assisted: step beside the mediator panel', reach: (app) => app.openAssistedStep() },
  { name: 'assisted: blocked reasons', continues: true, reach: (app) => app.openBlockedReasons() },
  { name: 'assisted: secret step', continues: true, reach: (app) => app.goToSecretStep() },
  { name: 'assisted: hand-off page', continues: true, reach: (app) => app.stopToHandOff() },
];
