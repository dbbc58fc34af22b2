// The kiosk's own state: its status for monitoring, and problems the renderer reports about itself.
import type { Handlers } from '../api/contract';
import { fail, ok } from '../api/result';
import type { ContentUpdateStatus, HostKind, KioskStatus, StateDbStatus } from '../api/types';
import type { Logger } from '../log';
import type { KioskEvents } from './kiosk-events';

export interface KioskServiceDeps {
  readonly version: string;
  readonly host: HostKind;
  readonly stateDb: StateDbStatus;
  readonly events: KioskEvents;
  readonly log: Logger;
  readonly startedAt: Date;
  readonly now?: () => Date;
  /** Version of the content pack being served, if any. */
  readonly contentPack: () => string | null;
  readonly contentProblem: () => string | null;
  /** The automatic content updates, when configured. */
  readonly contentUpdate?: () => ContentUpdateStatus | null;
}

export function createKioskService(deps: KioskServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const status = (): KioskStatus => ({
    app: 'passerelle-sante',
    version: deps.version,
    host: deps.host,
    startedAt: deps.startedAt.toISOString(),
    uptimeSeconds: Math.floor((now().getTime() - deps.startedAt.getTime()) / 1000),
    stateDb: deps.stateDb,
    contentPack: deps.contentPack(),
    contentProblem: deps.contentProblem(),
    contentUpdate: deps.contentUpdate?.() ?? null,
  });

  const handlers = {
    'kiosk.status': () => ok(status()),
    'kiosk.reportRendererProblem': ({ kind, screen }) => {
      // Anyone at the page can send this: bounded in the state DB, and logged only when kept.
      if (deps.events.fromVisitor('renderer.problem', `${kind} on ${screen}`)) deps.log.warn('renderer.problem', { kind, screen });
      return ok({ logged: true as const });
    },
    // The reason only: nothing of what the visit did. The host adds its own wipe around this call.
    'kiosk.endVisit': ({ reason }) => {
      deps.log.info('visit.ended', { reason });
      return ok({ wiped: true as const });
    },
    // The browser host has no pane: steps show the address and a QR code instead. Electron replaces both.
    'kiosk.officialOpen': () => fail('official.unavailable'),
    'kiosk.officialClose': () => ok({ closed: true as const }),
    // In the browser host the page prints itself (Chromium runs with --kiosk-printing: no dialog).
    'kiosk.print': () => fail('print.unavailable'),
  } satisfies Pick<
    Handlers,
    'kiosk.status' | 'kiosk.reportRendererProblem' | 'kiosk.endVisit' | 'kiosk.officialOpen' | 'kiosk.officialClose' | 'kiosk.print'
  >;

  return { status, handlers };
}
