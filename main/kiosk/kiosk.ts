// The kiosk's own state: its status for monitoring, and problems the renderer reports about itself.
import type { ContentUpdateStatus, HostKind, JournalStatus, KioskStatus, StateDbStatus } from '../../common/api/types';
import type { Logger } from '../core/log';
import type { KioskEvents } from './kiosk-events';
import { systemClock, type Clock } from '../core/clock';

export interface KioskServiceDeps {
  readonly version: string;
  readonly host: HostKind;
  readonly stateDb: StateDbStatus;
  readonly events: KioskEvents;
  readonly log: Logger;
  readonly startedAt: Date;
  readonly now?: Clock;
  /** Version of the content pack being served, if any. */
  readonly contentPack: () => string | null;
  readonly contentProblem: () => string | null;
  /** The automatic content updates, when configured. */
  readonly contentUpdate?: () => ContentUpdateStatus | null;
  /** Whether packs in the data folder need a signature ("not-required" only with the development flag). */
  readonly contentSignatures?: 'required' | 'not-required';
  /** The journal's tamper check made at start (main/journal/journal-check.ts). */
  readonly journal?: () => JournalStatus;
}

export function createKioskService(deps: KioskServiceDeps) {
  const now = deps.now ?? systemClock;
  const status = (): KioskStatus => ({
    app: 'passerelle-sante',
    version: deps.version,
    host: deps.host,
    startedAt: deps.startedAt.toISOString(),
    uptimeSeconds: Math.floor((now() - deps.startedAt.getTime()) / 1000),
    stateDb: deps.stateDb,
    contentPack: deps.contentPack(),
    contentProblem: deps.contentProblem(),
    contentUpdate: deps.contentUpdate?.() ?? null,
    contentSignatures: deps.contentSignatures ?? 'required',
    ...(deps.journal ? { journal: deps.journal() } : {}),
  });

  /** A problem the page reports about itself; anyone at the page can send it, so it is bounded in the state DB. */
  const reportRendererProblem = (kind: string, screen: string): void => {
    if (deps.events.fromVisitor('renderer.problem', `${kind} on ${screen}`)) deps.log.warn('renderer.problem', { kind, screen });
  };

  return { status, reportRendererProblem };
}

export type KioskService = ReturnType<typeof createKioskService>;
