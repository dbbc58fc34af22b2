// Assisted mode on this visit: the unlocked mediator (in memory only, gone with the visit), a journey to resume, a
// wait in progress, and how an open accompaniment is closed when the visit has to end.
import { createContext, useContext } from 'react';
import type { ResumedTicket, VisitEndReason, WaitKind } from '../../common/api/types';
import type { Closing } from '../journey/journey-machine';
import type { MediatorSession, UnlockedMediator } from './mediator-session';

export type { Closing } from '../journey/journey-machine';
export type { UnlockedMediator } from './mediator-session';

/** Where a resume ticket leads (the journey, the step, the accompaniment it continues) and the context it carries. */
export type ResumePoint = ResumedTicket;

/** "We are waiting" (an SMS, an e-mail, a letter, a call): the visit's clocks stand still meanwhile. */
export interface Waiting {
  readonly what: WaitKind;
  /** When the wait began (ms since the epoch, the page's clock). */
  readonly since: number;
}

export interface AssistedContextValue {
  /** Whether the site allows assisted mode on this kiosk. */
  readonly enabled: boolean;
  /** Whether a printer is there (site configuration). */
  readonly printing: boolean;
  /** Official origins this host can show beside the guide (Electron with an allowlist). */
  readonly officialOrigins: readonly string[];
  readonly mediator: UnlockedMediator | null;
  /** The mediator of an accompaniment that closed by itself (idle): its hand-off stays on screen, assisted mode is off. */
  readonly closedWith: UnlockedMediator | null;
  /** Opens assisted mode with the session the mediator's PIN opened (its token goes into the mediator's calls). */
  readonly unlock: (session: MediatorSession) => void;
  /**
   * Ends assisted mode (the mediator's button, their idle time, or, through the mediator's calls, a session ended);
   * `keepHandOff` leaves the hand-off of the accompaniment that just closed on screen for the visitor.
   */
  readonly lock: (keepHandOff?: boolean) => void;
  readonly resume: ResumePoint | null;
  readonly setResume: (point: ResumePoint | null) => void;
  readonly waiting: Waiting | null;
  readonly setWaiting: (waiting: Waiting | null) => void;
  /** The open accompaniment says how to close it with its ticket and slip (null when none is open). */
  readonly setCloser: (close: ((why: Closing) => void) | null) => void;
  /** Ends the visit (after the hand-off of an accompaniment closed by "Terminer"). */
  readonly endVisit: (reason: VisitEndReason) => void;
  /** The site's name, printed on the slip. */
  readonly siteName: string;
}

export const AssistedContext = createContext<AssistedContextValue>({
  enabled: false,
  printing: false,
  officialOrigins: [],
  mediator: null,
  closedWith: null,
  unlock: () => undefined,
  lock: () => undefined,
  resume: null,
  setResume: () => undefined,
  waiting: null,
  setWaiting: () => undefined,
  setCloser: () => undefined,
  endVisit: () => undefined,
  siteName: '',
});

export const useAssisted = (): AssistedContextValue => useContext(AssistedContext);
