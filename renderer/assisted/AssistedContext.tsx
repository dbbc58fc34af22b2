// Assisted mode on this visit: the unlocked mediator (in memory only, gone with the visit) and a journey to resume.
import { createContext, useContext } from 'react';
import type { MediatorRole } from '../../common/api/types';

export interface UnlockedMediator {
  readonly token: string;
  readonly displayName: string;
  readonly role: MediatorRole;
}

/** Where a resume ticket leads: the journey, and the step to start from. */
export interface ResumePoint {
  readonly journey: string;
  readonly step: string;
}

export interface AssistedContextValue {
  /** Whether the site allows assisted mode on this kiosk. */
  readonly enabled: boolean;
  /** Whether a printer is there (site configuration). */
  readonly printing: boolean;
  /** Official origins this host can show beside the guide (Electron with an allowlist). */
  readonly officialOrigins: readonly string[];
  readonly mediator: UnlockedMediator | null;
  readonly unlock: (mediator: UnlockedMediator) => void;
  /** Ends assisted mode (the mediator's button, their idle time, or a call refused because the session ended). */
  readonly lock: () => void;
  readonly resume: ResumePoint | null;
  readonly setResume: (point: ResumePoint | null) => void;
}

export const AssistedContext = createContext<AssistedContextValue>({
  enabled: false,
  printing: false,
  officialOrigins: [],
  mediator: null,
  unlock: () => undefined,
  lock: () => undefined,
  resume: null,
  setResume: () => undefined,
});

export const useAssisted = (): AssistedContextValue => useContext(AssistedContext);
