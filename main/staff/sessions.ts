// One table of staff sessions (the admin's and the mediators'), held in memory only: a random token each, ended
// by an idle window of its kind, by logout or lock, or by the end of the visit. Dispatch resolves callers here.
import { randomBytes } from 'node:crypto';
import type { AdminPrincipal, MediatorPrincipal, Principal } from '../../common/api/contract';
import { systemClock, type Clock } from '../core/clock';

export interface SessionsOptions {
  readonly now?: Clock;
  /** How long each kind of session lives without a call. */
  readonly idleMs?: { readonly admin?: number; readonly mediator?: number };
  /** A session ended by its idle window (the mediators' service journals the lock). */
  readonly onIdleEnd?: (principal: Principal) => void;
}

/** A principal before its token is drawn (Omit over each member of the union). */
type Opened<P extends Principal> = P extends Principal ? Omit<P, 'token'> : never;

export function createSessions(options: SessionsOptions = {}) {
  const now = options.now ?? systemClock;
  const idleMs = { admin: options.idleMs?.admin ?? 10 * 60_000, mediator: options.idleMs?.mediator ?? 15 * 60_000 };
  const table = new Map<string, { principal: Principal; last: number }>();

  const open = <P extends Principal>(opened: Opened<P>): string => {
    const token = randomBytes(32).toString('base64url');
    table.set(token, { principal: { ...opened, token } as Principal, last: now() });
    return token;
  };

  /** The live session of this kind behind a token; each use keeps it alive. */
  function resolve(token: string, kind: 'admin'): AdminPrincipal | null;
  function resolve(token: string, kind: 'mediator'): MediatorPrincipal | null;
  function resolve(token: string, kind: Principal['kind']): Principal | null;
  function resolve(token: string, kind: Principal['kind']): Principal | null {
    const found = table.get(token);
    if (!found || found.principal.kind !== kind) return null;
    if (now() - found.last > idleMs[kind]) {
      table.delete(token);
      options.onIdleEnd?.(found.principal);
      return null;
    }
    found.last = now();
    return found.principal;
  }

  /** Ends the sessions that match; returns them. */
  const close = (matches: (principal: Principal) => boolean): Principal[] => {
    const closed: Principal[] = [];
    for (const [token, { principal }] of table) {
      if (!matches(principal)) continue;
      table.delete(token);
      closed.push(principal);
    }
    return closed;
  };

  return { open, resolve, close };
}

export type Sessions = ReturnType<typeof createSessions>;
