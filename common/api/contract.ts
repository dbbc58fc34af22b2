// The contract: every call the renderer can make and every event it can receive, declared once.
// IPC handlers, the preload bridge, HTTP routes and the renderer client are all derived from it.
import { z } from 'zod';
import { defineCall, defineEvent, type Auth, type CallDef, type EventDef } from './define';
import type { CommonError, Result } from './result';
import type { EffectiveConfig } from '../config/site-config';
import {
  locales,
  rendererProblemKinds,
  screenKinds,
  visitEndReasons,
  type ActivityRow,
  type StuckRow,
  type AdminLogin,
  type AdminStatus,
  type MediatorAccount,
  type MediatorUnlock,
  mediatorRoles,
  stepActors,
  printKinds,
  blockedReasons,
  accompanimentOutcomes,
  waitKinds,
  redirectionKeys,
  type ContentItem,
  type HelpPlace,
  type ItemReadability,
  type JournalHeadText,
  type JournalStatus,
  type KioskStatus,
  type NeedItems,
  type PublicSettings,
  type SearchAnswer,
  type MediatorRole,
  type KioskVoices,
  speechTextMax,
  voiceSources,
  type ResumedTicket,
} from './types';
import { authErrors } from './auth-errors';

const noInput = z.object({}).strict();
/** An admin or mediator session: 32 random bytes, base64url. Sent beside the input of the calls that need one. */
export const sessionToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const itemId = z.string().regex(/^[a-z0-9-]{1,80}$/);
/** An accompaniment's id: random, made by the service. */
const accompanimentId = z.string().regex(/^[A-Za-z0-9_-]{16}$/);
/** A period of the figures: local days, both included. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const period = { from: day.optional(), to: day.optional() };
const mediatorId = z.number().int().positive();
/** A mediator's PIN: 6 to 8 digits, typed on the digits keyboard. */
const pin = z.string().regex(/^\d{6,8}$/);
/** A mediator's display name: what the visitor sees ("Sophie, médiatrice"); letters, spaces and simple marks only. */
const displayName = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} '’.,-]*$/u);
/** Why no content can be served: the site's IT person sees these keys. */
const packErrors = [
  'content.packMissing',
  'content.packUnsigned',
  'content.packSignatureMismatch',
  'content.packCorrupt',
  'content.packIncompatible',
] as const;
export type PackError = (typeof packErrors)[number];

export const contract = {
  'kiosk.status': defineCall<KioskStatus>()({ input: noInput }),
  'settings.public': defineCall<PublicSettings>()({ input: noInput }),
  'kiosk.reportRendererProblem': defineCall<{ readonly logged: true }>()({
    input: z
      .object({
        kind: z.enum(rendererProblemKinds),
        // A closed list, never free text: free text could carry what a visitor typed.
        screen: z.enum(screenKinds),
      })
      .strict(),
  }),
  /** The visit ends: the host wipes what the visitor's browser partition holds (storage, caches, cookies, clipboard). */
  'kiosk.endVisit': defineCall<{ readonly wiped: true }>()({
    input: z.object({ reason: z.enum(visitEndReasons) }).strict(),
    endsVisit: true,
  }),
  /**
   * The official service beside the guide: an allowlisted https page in a pane of the kiosk window, over the
   * rectangle of the renderer's slot. Electron only; the browser host answers `official.unavailable`.
   */
  'kiosk.officialOpen': defineCall<{ readonly opened: true }>()({
    input: z
      .object({
        url: z.string().max(2000),
        bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).strict(),
      })
      .strict(),
    errors: ['official.refused', 'official.unavailable'],
  }),
  'kiosk.officialClose': defineCall<{ readonly closed: true }>()({ input: noInput }),
  /** The app's own print flow: the page's print view goes to the default printer, without a dialog (Electron). */
  'kiosk.print': defineCall<{ readonly printed: true }>()({
    input: noInput,
    errors: ['print.unavailable', 'print.failed', 'print.limit'],
  }),
  /** Jobs waiting in the kiosk's print queue (CUPS): after the page printed itself, whether the sheet came out. */
  'kiosk.printQueue': defineCall<{ readonly pending: number }>()({ input: noInput, errors: ['print.unavailable'] }),
  'content.needs': defineCall<readonly NeedItems[]>()({
    input: z.object({ locale: z.enum(locales) }).strict(),
    errors: packErrors,
  }),
  'content.item': defineCall<ContentItem>()({
    input: z.object({ locale: z.enum(locales), id: z.string().regex(/^[a-z0-9-]{1,80}$/) }).strict(),
    errors: [...packErrors, 'content.notFound'],
  }),
  'content.places': defineCall<readonly HelpPlace[]>()({ input: noInput, errors: packErrors }),
  'content.search': defineCall<SearchAnswer>()({
    input: z.object({ locale: z.enum(locales), query: z.string().max(100) }).strict(),
    errors: packErrors,
  }),
  /** The voice installed with the app (eSpeak NG, run by the host as a separate program): which languages it speaks. */
  'speech.voices': defineCall<KioskVoices>()({ input: noInput }),
  /**
   * One line in the kiosk voice: a WAV, base64. Never logged. Bounded: the text's length, the language list, the
   * rate, and how many lines are made at once or wait (`speech.busy` beyond).
   */
  'speech.synthesize': defineCall<{ readonly wav: string }>()({
    input: z
      .object({
        text: z.string().trim().min(1).max(speechTextMax),
        lang: z.enum(locales),
        rate: z.number().min(0.5).max(2).default(1),
      })
      .strict(),
    errors: ['speech.unavailable', 'speech.busy', 'speech.failed'],
  }),
  /** The admin self-check says which voice the page uses for each language; /api/health shows it. */
  'speech.report': defineCall<{ readonly recorded: true }>()({
    input: z
      .object({
        voices: z
          .array(
            z.object({ lang: z.enum(locales), source: z.enum([...voiceSources, 'none']), name: z.string().max(120).nullable() }).strict(),
          )
          .max(locales.length),
      })
      .strict(),
    auth: 'admin',
  }),
  // The site's admin. The passphrase is never logged or kept: only its scrypt hash is stored.
  'admin.status': defineCall<AdminStatus>()({ input: noInput }),
  /** First run, or a new passphrase once the admin is blocked: needs the one-time code from the kiosk's disk. */
  'admin.setup': defineCall<{ readonly token: string }>()({
    input: z.object({ passphrase: z.string().min(12).max(200), code: z.string().max(40) }).strict(),
    errors: ['admin.alreadySet', 'admin.wrongCode', 'admin.locked'],
  }),
  'admin.login': defineCall<AdminLogin>()({
    input: z.object({ passphrase: z.string().min(1).max(200) }).strict(),
    errors: ['admin.notSet'],
  }),
  'admin.logout': defineCall<{ readonly loggedOut: true }>()({ input: noInput, auth: 'admin' }),
  /** The staff exit: closes the kiosk app (back to the desktop, or the service manager restarts it). */
  'admin.closeKiosk': defineCall<{ readonly closing: true }>()({
    input: noInput,
    auth: 'admin',
  }),
  // Mediator accounts, managed by the admin. PINs are stored as scrypt hashes only.
  'admin.mediators': defineCall<readonly MediatorAccount[]>()({
    input: noInput,
    auth: 'admin',
  }),
  'admin.mediatorCreate': defineCall<{ readonly id: number }>()({
    input: z.object({ displayName, role: z.enum(mediatorRoles), pin }).strict(),
    errors: ['mediator.nameTaken'],
    auth: 'admin',
  }),
  'admin.mediatorReset': defineCall<{ readonly reset: true }>()({
    input: z.object({ id: z.number().int().positive(), pin }).strict(),
    errors: ['mediator.notFound'],
    auth: 'admin',
  }),
  'admin.mediatorDisable': defineCall<{ readonly disabled: boolean }>()({
    input: z.object({ id: z.number().int().positive(), disabled: z.boolean() }).strict(),
    errors: ['mediator.notFound'],
    auth: 'admin',
  }),
  /** The names on the unlock screen: enabled mediators only. */
  'mediator.list': defineCall<readonly Pick<MediatorAccount, 'id' | 'displayName'>[]>()({ input: noInput }),
  'mediator.unlock': defineCall<MediatorUnlock>()({
    input: z.object({ id: z.number().int().positive(), pin }).strict(),
    errors: ['mediator.notFound'],
  }),
  'mediator.lock': defineCall<{ readonly locked: true }>()({ input: noInput, auth: 'mediator' }),
  /** The mediator is there (they answered their idle warning, or a wait is on): the session stays open. */
  'mediator.keepAlive': defineCall<{ readonly alive: true }>()({ input: noInput, auth: 'mediator' }),
  // An accompaniment: every call carries the mediator's session; the journal keeps what happened, never what was typed.
  'assisted.start': defineCall<{ readonly accompaniment: string }>()({
    /** `resumes`: the accompaniment a ticket continues (the figures count the two parts as one). */
    input: z.object({ journey: itemId, resumes: accompanimentId.optional() }).strict(),
    errors: ['content.notFound'],
    auth: 'mediator',
  }),
  /**
   * One event of an accompaniment. A step ends done or skipped by someone, or blocked for a reason: never both,
   * and a step already ended is not ended again (a correction is its own, explicit event).
   */
  'assisted.record': defineCall<{ readonly recorded: true }>()({
    input: z.discriminatedUnion('event', [
      z.object({ event: z.literal('consent.given'), accompaniment: accompanimentId }).strict(),
      z.object({ event: z.literal('step.secret'), step: itemId, accompaniment: accompanimentId }).strict(),
      z.object({ event: z.literal('print'), what: z.enum(printKinds), accompaniment: accompanimentId }).strict(),
      z.object({ event: z.literal('step.wait'), step: itemId, what: z.enum(waitKinds), accompaniment: accompanimentId }).strict(),
      z.object({ event: z.literal('redirected'), to: z.enum(redirectionKeys), accompaniment: accompanimentId }).strict(),
      // The last ended step, corrected (a mistaken tap): an appended event, the first ending stays in the journal.
      z.discriminatedUnion('outcome', [
        z
          .object({
            event: z.literal('step.corrected'),
            outcome: z.literal('blocked'),
            step: itemId,
            reason: z.enum(blockedReasons),
            accompaniment: accompanimentId,
          })
          .strict(),
        z
          .object({
            event: z.literal('step.corrected'),
            outcome: z.enum(['done', 'skipped']),
            step: itemId,
            by: z.enum(stepActors),
            accompaniment: accompanimentId,
          })
          .strict(),
      ]),
      z.discriminatedUnion('outcome', [
        z
          .object({
            event: z.literal('step'),
            outcome: z.literal('blocked'),
            step: itemId,
            reason: z.enum(blockedReasons),
            accompaniment: accompanimentId,
          })
          .strict(),
        z
          .object({
            event: z.literal('step'),
            outcome: z.enum(['done', 'skipped']),
            step: itemId,
            by: z.enum(stepActors),
            accompaniment: accompanimentId,
          })
          .strict(),
      ]),
    ]),
    errors: ['assisted.unknown', 'content.notFound', 'assisted.stepAlreadyEnded', 'assisted.notLastStep'],
    auth: 'mediator',
  }),
  'assisted.end': defineCall<{ readonly ended: true }>()({
    input: z.object({ accompaniment: accompanimentId, outcome: z.enum(accompanimentOutcomes) }).strict(),
    errors: ['assisted.unknown'],
    auth: 'mediator',
  }),
  'assisted.ticketCreate': defineCall<{ readonly code: string; readonly expiresAt: string }>()({
    /** `bring`: the readiness questions (by their place) whose "no" left something to come back with. */
    input: z
      .object({ accompaniment: accompanimentId, step: itemId, bring: z.array(z.number().int().min(0).max(49)).max(50).optional() })
      .strict(),
    errors: ['assisted.unknown', 'content.notFound'],
    auth: 'mediator',
  }),
  /** Tickets of accompaniments a crash cut, given once to the page that comes back, so it shows the slip. */
  'assisted.interrupted': defineCall<{
    readonly tickets: readonly { readonly code: string; readonly expiresAt: string; readonly journey: string }[];
  }>()({ input: noInput }),
  /** A ticket of this site, from any of its kiosks: where to resume, why it stopped, what came before (never who). */
  'assisted.ticketUse': defineCall<ResumedTicket>()({
    input: z.object({ code: z.string().max(40) }).strict(),
    errors: ['ticket.invalid', 'ticket.unknown', 'ticket.expired', 'ticket.tooMany'],
    auth: 'mediator',
  }),
  /** Figures for a period (days YYYY-MM-DD, both included), with the French titles of journeys and steps. */
  'admin.activity': defineCall<{
    readonly activity: readonly ActivityRow[];
    readonly stuck: readonly StuckRow[];
    readonly titles: Readonly<Record<string, string>>;
    /** The journal's live head (the admin's anchor) and the kiosk's last check of the journal. */
    readonly journal: { readonly head: JournalHeadText; readonly status: JournalStatus } | null;
  }>()({
    input: z.object({ ...period }).strict(),
    auth: 'admin',
  }),
  /** The La Coop lines (one per accompaniment) for a period and, if given, one mediator's account. */
  'admin.activityCsv': defineCall<{ readonly csv: string }>()({
    input: z.object({ ...period, mediator: mediatorId.optional() }).strict(),
    auth: 'admin',
  }),
  /** The same lines as cells, for the printable "my lines of the day" list. */
  'admin.activityLines': defineCall<{
    readonly columns: readonly string[];
    readonly lines: readonly (readonly string[])[];
    /** The journal's head when the list was made: printed with it. */
    readonly head: JournalHeadText | null;
  }>()({
    input: z.object({ ...period, mediator: mediatorId.optional() }).strict(),
    auth: 'admin',
  }),
  /** Saves the CRA export as a file on the kiosk (a locked-down kiosk refuses downloads). */
  'admin.activityExport': defineCall<{ readonly folder: string; readonly file: string }>()({
    input: z.object({ ...period, mediator: mediatorId.optional() }).strict(),
    errors: ['activity.exportUnavailable'],
    auth: 'admin',
  }),
  /** "Où les personnes bloquent" by month, anonymous, for a coordinator. */
  'admin.stuckCsv': defineCall<{ readonly csv: string }>()({
    input: z.object({ ...period }).strict(),
    auth: 'admin',
  }),
  /** The configuration in use, after defaults and flags: paths for the admin, nothing secret. */
  'admin.config': defineCall<EffectiveConfig>()({ input: noInput, auth: 'admin' }),
  'admin.readability': defineCall<readonly ItemReadability[]>()({
    input: z.object({ locale: z.enum(locales) }).strict(),
    errors: packErrors,
    auth: 'admin',
  }),
} as const satisfies Record<string, CallDef<z.ZodType, unknown, string>>;

export const events = {
  /** The main process asks the renderer to go back to a clean home screen. */
  'kiosk.reset': defineEvent<{ readonly reason: 'recovered' | 'operator' }>(),
} as const satisfies Record<string, EventDef<unknown>>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type EventName = keyof typeof events;

export type AuthOf<M extends Method> = Contract[M]['auth'];
/** The error a protected call answers to a missing, unknown or expired session. */
export { authErrors };
type AuthError<A extends Auth> = A extends keyof typeof authErrors ? (typeof authErrors)[A] : never;

/** The input of a call as a handler sees it (after parsing, without the session token). */
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
/** What a caller sends: the input, and the session token for a protected call. */
export type InputOf<M extends Method> = AuthOf<M> extends 'none' ? z.input<Contract[M]['input']> : WithToken<z.input<Contract[M]['input']>>;
/** A protected call's input with its session token (an empty input, typed as a record of nothing, becomes the token alone). */
type WithToken<T> = (string extends keyof T ? unknown : T) & { readonly token: string };
export type OutputOf<M extends Method> = Contract[M] extends CallDef<z.ZodType, infer O, string> ? O : never;
export type ErrorOf<M extends Method> = CommonError | Contract[M]['errors'][number] | AuthError<AuthOf<M>>;
export type ResultOf<M extends Method> = Result<OutputOf<M>, ErrorOf<M>>;
export type PayloadOf<N extends EventName> = (typeof events)[N] extends EventDef<infer P> ? P : never;

/** Who is calling, as dispatch resolved it from the session token: handlers never see or check tokens. */
export interface AdminPrincipal {
  readonly kind: 'admin';
  readonly token: string;
}
export interface MediatorPrincipal {
  readonly kind: 'mediator';
  readonly token: string;
  readonly mediatorId: number;
  readonly role: MediatorRole;
  readonly displayName: string;
}
export type Principal = AdminPrincipal | MediatorPrincipal;
export type PrincipalOf<M extends Method> =
  AuthOf<M> extends 'admin' ? AdminPrincipal : AuthOf<M> extends 'mediator' ? MediatorPrincipal : never;

/** What the services provide: one handler per call, typed from the contract. */
export type Handlers = {
  readonly [M in Method]: AuthOf<M> extends 'none'
    ? (input: ParsedInputOf<M>) => HandlerResult<M>
    : (input: ParsedInputOf<M>, principal: PrincipalOf<M>) => HandlerResult<M>;
};
type HandlerResult<M extends Method> = Result<OutputOf<M>, ErrorOf<M>> | Promise<Result<OutputOf<M>, ErrorOf<M>>>;

/** What the renderer holds: one method per call, typed from the contract. */
export type ApiClient = {
  readonly [M in Method]: (input: InputOf<M>) => Promise<ResultOf<M>>;
};

export const isMethod = (name: string): name is Method => Object.hasOwn(contract, name);
