// How the browser sweep reaches each state of the shared registry (renderer/kit/visitor-states.ts) from the home
// screen. The table is keyed by the registry's names: a state added there does not type-check here until it has a way.
import { visitorStates as registry, type VisitorStateName } from '../../renderer/kit/visitor-states';
import type { VisitorApp } from './visitor-app';

export interface VisitorState {
  readonly name: VisitorStateName;
  /** Starts on the home screen (no dialog open), or on the state before when `continues`; ends once the state is fully shown. */
  readonly reach: (app: VisitorApp) => Promise<unknown>;
  readonly continues: boolean;
}

const reach: Readonly<Record<VisitorStateName, (app: VisitorApp) => Promise<unknown>>> = {
  home: async () => {},
  'need mon-espace-sante': (app) => app.openNeed('mon-espace-sante'),
  'need compte-ameli': (app) => app.openNeed('compte-ameli'),
  'need carte-vitale': (app) => app.openNeed('carte-vitale'),
  'need trouver-medecin': (app) => app.openNeed('trouver-medecin'),
  'need payer-moins': (app) => app.openNeed('payer-moins'),
  'need arnaques': (app) => app.openNeed('arnaques'),
  'topic with glossary words': (app) => app.openTopic(),
  'glossary definition dialog': (app) => app.openGlossaryDefinition(),
  'journey: readiness question': (app) => app.openJourney(),
  'journey: offline way shown': (app) => app.showOfflineWay(),
  'journey: what to bring': (app) => app.openJourneyAnswering('no'),
  'journey: step with problems open': (app) => app.openJourneyAnswering('yes').then(() => app.openStepProblems()),
  'journey: done': (app) => app.finishJourney(),
  'search: empty': (app) => app.openSearch(),
  'search: results': (app) => app.search('ameli', 'results'),
  'search: no result': (app) => app.search('zzqxw', 'nothing'),
  'search: on-screen keyboard open': (app) => app.typeWithOnScreenKeyboard(),
  'read aloud: reading, or the no-voice message': (app) => app.askReadAloud(),
  help: (app) => app.openHelp(),
  emergency: (app) => app.openEmergency(),
  'Confort dialog': (app) => app.openComfort(),
  '"Terminer" confirmation': (app) => app.openEndConfirmation(),
  'assisted: mediator unlock dialog': (app) => app.openMediatorUnlock(),
  'assisted: consent card': (app) => app.unlockAndOpenJourney(),
  'assisted: resume ticket dialog': (app) => app.openResumeTicket(),
  'assisted: step beside the mediator panel': (app) => app.openAssistedStep(),
  'assisted: blocked reasons': (app) => app.openBlockedReasons(),
  'assisted: secret step': (app) => app.goToSecretStep(),
  'assisted: hand-off page': (app) => app.stopToHandOff(),
};

export const visitorStates: readonly VisitorState[] = registry.map((state) => ({
  name: state.name,
  reach: reach[state.name],
  continues: 'continues' in state,
}));
