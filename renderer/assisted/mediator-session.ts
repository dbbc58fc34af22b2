// A mediator's unlocked session as the assisted screens hold it: their name and role, and their calls with the session
// token put in once. The token stays inside the calls; a "session over" answer goes to the one place given here.
import type { ApiClient } from '../../common/api/contract';
import type { MediatorRole } from '../../common/api/types';
import { staffApi, type MediatorApi } from '../kit/staff-api';

/** What "mediator.unlock" answers on the right PIN: handed once to the visit, which opens the session. */
export interface MediatorSession {
  readonly token: string;
  readonly displayName: string;
  readonly role: MediatorRole;
}

export interface UnlockedMediator {
  readonly displayName: string;
  readonly role: MediatorRole;
  /** The mediator's calls: each sends the session token; an ended session calls the visit's `onExpired`. */
  readonly api: MediatorApi;
}

export function openMediatorSession(api: ApiClient, session: MediatorSession, onExpired: () => void): UnlockedMediator {
  return { displayName: session.displayName, role: session.role, api: staffApi(api, 'mediator', session.token, onExpired) };
}
