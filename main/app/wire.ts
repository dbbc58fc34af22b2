// The one place services meet the contract: each call's parsed input goes to a domain method, and the method's
// answer becomes the call's result. Services know nothing of methods, tokens or wire shapes.
import type { Handlers } from '../../common/api/contract';
import { fail, ok, type Result } from '../../common/api/result';
import type { EffectiveConfig } from '../../common/config/site-config';
import type { PublicSettings, VisitEndReason } from '../../common/api/types';
import type { ActivityViews } from '../assisted/activity';
import type { AssistedService } from '../assisted/accompaniments';
import type { ContentService } from '../content/content';
import type { KioskService } from '../kiosk/kiosk';
import type { AdminService } from '../staff/admin';
import type { MediatorService } from '../staff/mediators';
import type { KioskVoice } from '../speech/kiosk-voice';
import type { HostPort } from './host-port';

/** Some of the contract's calls: a misspelt method fails to compile, and each input and principal is typed. */
type Calls = Partial<Handlers>;

export function contentCalls(content: Pick<ContentService, 'needs' | 'item' | 'places' | 'search'>) {
  return {
    'content.needs': ({ locale }) => content.needs(locale),
    'content.item': ({ locale, id }) => content.item(locale, id),
    'content.places': () => content.places(),
    'content.search': ({ locale, query }) => content.search(locale, query),
  } satisfies Calls;
}

export function adminCalls(admin: AdminService) {
  return {
    'admin.status': () => ok(admin.status()),
    'admin.setup': ({ passphrase, code }) => admin.setup(passphrase, code),
    'admin.login': ({ passphrase }) => admin.login(passphrase),
    'admin.logout': (_input, { token }) => {
      admin.logout(token);
      return ok({ loggedOut: true as const });
    },
    // A host that cannot close itself has no staff exit: the call is refused as if unauthorised.
    'admin.closeKiosk': () => (admin.closeKiosk() ? ok({ closing: true as const }) : fail('admin.unauthorised')),
    'admin.readability': ({ locale }) => admin.readability(locale),
  } satisfies Calls;
}

export function mediatorCalls(mediators: Pick<MediatorService, 'accounts' | 'unlockable' | 'unlock' | 'lock'>) {
  const { accounts } = mediators;
  return {
    'admin.mediators': () => ok(accounts.list()),
    'admin.mediatorCreate': ({ displayName, role, pin }) => accounts.create(displayName, role, pin),
    'admin.mediatorReset': async ({ id, pin }) =>
      (await accounts.resetPin(id, pin)) ? ok({ reset: true as const }) : fail('mediator.notFound'),
    'admin.mediatorDisable': ({ id, disabled }) => (accounts.setDisabled(id, disabled) ? ok({ disabled }) : fail('mediator.notFound')),
    'mediator.list': () => ok(mediators.unlockable()),
    'mediator.unlock': ({ id, pin }) => mediators.unlock(id, pin),
    // Dispatch resolved the session, which keeps it alive: nothing more to do.
    'mediator.keepAlive': () => ok({ alive: true as const }),
    'mediator.lock': (_input, { token }) => {
      mediators.lock(token);
      return ok({ locked: true as const });
    },
  } satisfies Calls;
}

export interface KioskParts {
  readonly kiosk: Pick<KioskService, 'status' | 'reportRendererProblem'>;
  readonly settings: PublicSettings;
  readonly effectiveConfig: EffectiveConfig;
}

export function kioskCalls(parts: KioskParts) {
  return {
    'kiosk.status': () => ok(parts.kiosk.status()),
    'kiosk.reportRendererProblem': ({ kind, screen }) => {
      parts.kiosk.reportRendererProblem(kind, screen);
      return ok({ logged: true as const });
    },
    'settings.public': () => ok(parts.settings),
    'admin.config': () => ok(parts.effectiveConfig),
  } satisfies Calls;
}

/** "No answer" from the queue is not "nothing pending": the page must not claim a sheet came out. */
export function printQueueCalls(pendingPrints: () => Promise<number | null>) {
  return {
    'kiosk.printQueue': async () => {
      const pending = await pendingPrints();
      return pending === null ? fail('print.unavailable') : ok({ pending });
    },
  } satisfies Calls;
}

export function speechCalls(voice: Pick<KioskVoice, 'voices' | 'synthesize' | 'report'>) {
  return {
    'speech.voices': async () => ok(await voice.voices()),
    'speech.synthesize': async ({ text, lang, rate }) => {
      const wav = await voice.synthesize(text, lang, rate);
      return wav.ok ? ok({ wav: wav.value }) : wav;
    },
    'speech.report': ({ voices }) => {
      voice.report(voices);
      return ok({ recorded: true as const });
    },
  } satisfies Calls;
}

/** The end of a visit and what a host does for it (prints, the official pane), composed in the composition root. */
export interface VisitParts {
  end(reason: VisitEndReason): Promise<void>;
  /** A silent print, counted against the visit's budget. */
  print(): Promise<Result<{ readonly printed: true }, 'print.unavailable' | 'print.failed' | 'print.limit'>>;
  openOfficial: HostPort['openOfficial'];
  closeOfficial: HostPort['closeOfficial'];
}

export function visitCalls(visit: VisitParts) {
  return {
    'kiosk.endVisit': async ({ reason }) => {
      await visit.end(reason);
      return ok({ wiped: true as const });
    },
    'kiosk.print': () => visit.print(),
    'kiosk.officialOpen': ({ url, bounds }) => visit.openOfficial(url, bounds),
    'kiosk.officialClose': () => {
      visit.closeOfficial();
      return ok({ closed: true as const });
    },
  } satisfies Calls;
}

export function assistedCalls(assisted: Omit<AssistedService, 'stopAll'>) {
  return {
    'assisted.start': ({ journey, resumes }, mediator) => assisted.start(journey, resumes, mediator),
    'assisted.record': (input) => assisted.record(input),
    'assisted.end': ({ accompaniment, outcome }) => assisted.end(accompaniment, outcome),
    'assisted.ticketCreate': ({ accompaniment, step, bring }) => assisted.createTicket(accompaniment, step, bring),
    'assisted.interrupted': () => ok({ tickets: assisted.takeInterrupted() }),
    'assisted.ticketUse': ({ code }, { token }) => assisted.useTicket(code, token),
  } satisfies Calls;
}

export function activityCalls(views: ActivityViews) {
  return {
    'admin.activity': async ({ from, to }) => ok(await views.figures({ from, to })),
    'admin.activityCsv': async (filter) => ok({ csv: await views.craCsv(filter) }),
    'admin.activityLines': async (filter) => ok(await views.craLines(filter)),
    'admin.activityExport': (filter) => views.saveCra(filter),
    'admin.stuckCsv': async ({ from, to }) => ok({ csv: await views.stuckCsv({ from, to }) }),
  } satisfies Calls;
}
