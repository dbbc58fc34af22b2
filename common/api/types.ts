// Shapes of the values the API returns: shared by services and the renderer.
import type { z } from 'zod';
import type { InlineLine, RichText } from '../content/inline-nodes';
import type { journeyData, journeyStepData, topicData } from '../content/pack-format';
import type { PageReadability } from '../content/readability';
import type { SnippetRun } from '../content/snippet-runs';
import type { SiteConfigValues } from '../config/site-config';
import type { Locale } from './site-lists';

export { locales, siteTypes, type Locale, type SiteType } from './site-lists';

export type HostKind = 'electron' | 'web';

/** What the host serving the renderer can do: the renderer reads it here instead of trying and reading errors. */
export interface HostCapabilities {
  /** The host prints the page without a dialog (Electron); otherwise the page prints itself (the browser kiosk). */
  readonly silentPrint: boolean;
  /** The host opens an official page beside the guide, over the renderer's slot (Electron). */
  readonly officialPane: boolean;
  /** The supervised kiosk browser lets the page open an allowlisted official origin in a second window. */
  readonly officialWindow: boolean;
  /** The staff exit can close the kiosk app. */
  readonly closeApp: boolean;
}

/** Fields and lists that the receiver reads and never changes. */
type ReadonlyFields<T> = { readonly [K in keyof T]: T[K] extends (infer U)[] ? readonly U[] : T[K] };

/**
 * What the renderer needs of the site configuration (the fields as the configuration declares them): nothing secret,
 * nothing about paths; the official origins only where this host can open them; what the host can do.
 */
export type PublicSettings = ReadonlyFields<
  Pick<
    SiteConfigValues,
    'siteName' | 'siteType' | 'locales' | 'defaultLocale' | 'idleTimeoutSeconds' | 'assistedMode' | 'printing' | 'helpPlaces'
  > &
    Partial<Pick<SiteConfigValues, 'headsetJack' | 'officialDomains'>>
> & {
  readonly capabilities: HostCapabilities;
  /** Official origins this host can open beside the guide (Electron, or the supervised kiosk browser, with an allowlist). */
  readonly officialOrigins: readonly string[];
};

/** A place of the site's own help, from its configuration. */
export type SiteHelpPlace = SiteConfigValues['helpPlaces'][number];

export interface StateDbStatus {
  readonly status: 'ok' | 'recovered';
  /** File name (not path) the corrupt database was moved to, when it was recovered at this start. */
  readonly movedAsideTo?: string;
  readonly schemaVersion: number;
  /** The last recovery of the state DB, at this start or an earlier one, or null when there never was one. */
  readonly lastRecovery: StateRecovery | null;
}

/** A corrupt state DB was moved aside and the kiosk started with an empty one: when, where, and what it held. */
export interface StateRecovery {
  /** Day of the recovery (YYYY-MM-DD). */
  readonly day: string;
  readonly movedAsideTo: string;
  /** What the moved-aside file still let us count (null: unreadable). All of it is no longer in use. */
  readonly lost: {
    readonly adminPassphrase: boolean | null;
    readonly mediators: number | null;
    readonly journalRows: number | null;
    readonly resumeTickets: number | null;
  };
}

/** Why the journal does not hold: a row changed, missing or out of order, or it no longer matches an anchor. */
export const journalBreaks = [
  'changed',
  'missing',
  'out-of-order',
  'truncated',
  'wiped',
  'rechained',
  'cut-unrecorded',
  'cut-not-signed',
  'anchor-not-issued',
] as const;
export type JournalBreak = (typeof journalBreaks)[number];

/** A journal head as written down for people: rows ever written, the short head hash, and its MAC when signed. */
export interface JournalHeadText {
  readonly rows: number;
  /** 16 hex digits in groups of four. */
  readonly hash: string;
  readonly mac: string | null;
  /** The same, as `journal verify --anchor=` takes it. */
  readonly anchor: string;
}

/** What checking the journal against an anchor found. */
export type JournalVerdict =
  | { readonly verdict: 'intact'; readonly upTo: number }
  | { readonly verdict: 'no-anchor'; readonly upTo: number }
  | { readonly verdict: 'broken'; readonly since: number; readonly reason: JournalBreak }
  /** The anchored row was removed by retention (the cut at `cutRows`, recorded on `day`): it cannot be checked. */
  | { readonly verdict: 'before-cut'; readonly cutRows: number; readonly day: string | null };

/** The journal check the kiosk made at start (in /api/health and the admin area). */
export interface JournalStatus {
  readonly check: JournalVerdict;
  /** Minute of the check (ISO). */
  readonly checkedAt: string;
  readonly milliseconds: number;
  /** How much was walked: from the last verified head kept outside the DB, or the whole chain. */
  readonly walked: 'incremental' | 'full';
  /** The head verified at start (not the live head: it does not move with each visitor's step). */
  readonly checkpoint: JournalHeadText | null;
  /** Whether heads and retention cuts are signed with the site's journal key. */
  readonly signing: 'off' | 'on' | 'unavailable';
}

export interface KioskStatus {
  readonly app: 'passerelle-sante';
  readonly version: string;
  readonly host: HostKind;
  readonly startedAt: string;
  readonly uptimeSeconds: number;
  readonly stateDb: StateDbStatus;
  /** Version of the loaded content pack, or null while none is loaded. */
  readonly contentPack: string | null;
  /** Why no content pack is served (a key for the site's IT person), or null when one is. */
  readonly contentProblem: string | null;
  /** The automatic content updates, when the site configured them. */
  readonly contentUpdate?: ContentUpdateStatus | null;
  /**
   * "required": a pack in the data folder is served and installed only with a valid signature. "not-required": the
   * development flag `allowUnsignedPacks` is on, which a public kiosk must never run with.
   */
  readonly contentSignatures?: 'required' | 'not-required';
  /** Browser-kiosk mode: the Chromium managed policy file and its key values (main/web/browser-policy.ts). */
  readonly browserPolicy?: {
    readonly file: string;
    readonly present: boolean;
    readonly problem?: 'unreadable' | 'invalid';
    readonly values?: Readonly<Record<string, unknown>>;
  };
  /** The journal's tamper check made at start (main/journal/journal-check.ts). */
  readonly journal?: JournalStatus;
  /** Which voice speaks each language (main/speech/kiosk-voice.ts). */
  readonly speech?: SpeechStatus;
}

/** Where a voice comes from: the platform's own synthesis, or the voice installed with the app (run by the host). */
export const voiceSources = ['system', 'kiosk'] as const;
export type VoiceSource = (typeof voiceSources)[number];

/** The longest text the kiosk voice speaks in one call: a long paragraph; the page cuts longer ones at sentences. */
export const speechTextMax = 600;

/** The kiosk voice (eSpeak NG, a separate program the host runs): its version and the languages it speaks here. */
export interface KioskVoices {
  /** "eSpeak NG 1.51", or null when the program is not installed or does not run. */
  readonly engine: string | null;
  readonly voices: readonly { readonly lang: Locale; readonly name: string }[];
}

/** What /api/health says about speech, for each language the site offers. */
export interface SpeechStatus {
  readonly kioskVoice: { readonly engine: string | null };
  readonly languages: Readonly<
    Partial<
      Record<
        Locale,
        {
          /** The kiosk voice's name for this language, or null. */
          readonly kioskVoice: string | null;
          /** The voice the page chose at the last self-check (a good local system voice first), or null before one. */
          readonly used: { readonly source: VoiceSource | 'none'; readonly name: string | null; readonly checkedAt: string } | null;
        }
      >
    >
  >;
}

/** The kinds of screen, as reported in problem reports: a kind only, never which page or what was typed. */
export const screenKinds = ['home', 'need', 'item', 'search', 'help', 'emergency'] as const;
export type ScreenKind = (typeof screenKinds)[number];

/** Why a visit ended: the visitor's "Terminer", the idle timeout, a renderer crash, or the kiosk's operator. */
export const visitEndReasons = ['visitor', 'idle', 'crash', 'operator'] as const;
export type VisitEndReason = (typeof visitEndReasons)[number];

/** Events the renderer reports about itself: a kind and the screen kind, never what a visitor typed. */
export const rendererProblemKinds = ['render-error', 'unhandled-rejection', 'script-error'] as const;
export type RendererProblemKind = (typeof rendererProblemKinds)[number];

export interface ItemSummary {
  readonly id: string;
  readonly kind: 'topic' | 'journey';
  readonly need: string;
  readonly title: string;
  readonly summary: string;
  readonly pictogram: string;
  readonly pictogramAlt: string;
  /** Sexual health, addiction, violence: never counted, not even anonymously. */
  readonly sensitive: boolean;
}

export interface NeedItems {
  readonly need: string;
  readonly items: readonly ItemSummary[];
}

export interface GlossaryWord {
  readonly id: string;
  readonly word: string;
  readonly short: InlineLine;
  readonly long: RichText | null;
}

/** A journey's step as the pack stores it (common/content/pack-format.ts): its texts as inline nodes. */
export type JourneyStep = z.output<typeof journeyStepData>;

export type JourneyBody = z.output<typeof journeyData>;

export type TopicBody = z.output<typeof topicData>;

interface ContentItemFields extends Omit<ItemSummary, 'kind'> {
  readonly sources: readonly string[];
  /** The day a person checked the facts against the sources; null until someone has. */
  readonly verifiedAt: string | null;
  /** The day the facts are due to be read again (YYYY-MM-DD). */
  readonly reviewBy: string;
  /** True when the item was not found in the asked language and is shown in French. */
  readonly fallback: boolean;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
}

/** A page of the pack: a topic (blocks of text) or a journey (readiness questions, steps); its kind says which body. */
export type ContentItem =
  | (ContentItemFields & { readonly kind: 'topic'; readonly body: TopicBody })
  | (ContentItemFields & { readonly kind: 'journey'; readonly body: JourneyBody });

export interface HelpPlace {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly address: string;
  readonly phone: string;
  /** OpenStreetMap opening_hours syntax, as the site wrote it. */
  readonly openingHours: string;
  readonly helpsWith: readonly string[];
}

export interface SearchHit {
  readonly id: string;
  readonly kind: 'topic' | 'journey';
  readonly title: string;
  readonly summary: string;
  readonly pictogram: string;
  readonly sensitive: boolean;
  /** Text around the match, in runs: the matched words are the runs marked. */
  readonly snippet: readonly SnippetRun[];
}

export interface SearchAnswer {
  readonly hits: readonly SearchHit[];
  readonly locale: string;
  readonly fallback: boolean;
}

export interface AdminStatus {
  /** False until the site's admin has chosen a passphrase (first run). */
  readonly configured: boolean;
  /** Too many wrong passphrases: a new one needs the one-time setup code from the kiosk's disk. */
  readonly blocked: boolean;
  /** The state DB was found corrupt and started again empty (accounts, journal lost): shown to the admin. */
  readonly recovery: StateRecovery | null;
}

/** A login answer: never says more than the visitor at the kiosk may know. */
export type AdminLogin =
  | { readonly outcome: 'ok'; readonly token: string }
  | { readonly outcome: 'wrong'; readonly attemptsBeforeLock: number }
  | { readonly outcome: 'locked'; readonly retryAfterSeconds: number }
  | { readonly outcome: 'blocked' };

/** How easy a page of the content pack is to read, for the admin view. */
export interface ItemReadability extends PageReadability {
  readonly id: string;
  readonly title: string;
  readonly kind: 'topic' | 'journey';
  /** The day the page's facts are due to be read again against its sources (YYYY-MM-DD). */
  readonly reviewBy: string;
}

export const mediatorRoles = ['professional', 'volunteer'] as const;
export type MediatorRole = (typeof mediatorRoles)[number];

export interface MediatorAccount {
  readonly id: number;
  readonly displayName: string;
  readonly role: MediatorRole;
  readonly disabled: boolean;
}

export type MediatorUnlock =
  | { readonly outcome: 'ok'; readonly token: string; readonly displayName: string; readonly role: MediatorRole }
  | { readonly outcome: 'wrong'; readonly attemptsBeforeLock: number }
  | { readonly outcome: 'locked'; readonly retryAfterSeconds: number }
  /** Too many wrong PINs: the admin gives this mediator a new PIN. */
  | { readonly outcome: 'blocked' };

export const stepOutcomes = ['done', 'skipped', 'blocked'] as const;
/** Who did a step: the visitor (typing their own codes) or the mediator (showing, pointing, explaining). */
export const stepActors = ['visitor', 'mediator'] as const;
export type StepActor = (typeof stepActors)[number];
/** What an accompaniment printed. */
export const printKinds = ['slip', 'summary'] as const;
export type PrintKind = (typeof printKinds)[number];
export type StepOutcome = (typeof stepOutcomes)[number];
/** Why a step could not be done: a closed list, so that "where people get stuck" can be counted. */
export const blockedReasons = [
  'code-expired',
  'no-email-access',
  'sms-not-received',
  'serial-not-found',
  'not-eligible',
  'visitor-stopped',
  'other',
] as const;
export type BlockedReason = (typeof blockedReasons)[number];
/** Where the mediator sent the visitor at the end (La Coop's "Structure de redirection", its 7 choices). */
export const redirectionKeys = [
  'administration',
  'mediation-numerique',
  'operateur',
  'aide-sociale',
  'insertion-professionnelle',
  'aide-demarches',
  'autre',
] as const;
export type RedirectionKey = (typeof redirectionKeys)[number];
/** What an accompaniment can wait for with the screen left open: the clocks stand still meanwhile. */
export const waitKinds = ['sms', 'email', 'letter', 'call'] as const;
export type WaitKind = (typeof waitKinds)[number];
/**
 * What a correction of the last ended step turns it into: done or skipped by someone, or blocked for a reason. One
 * closed list, so the journal keeps it in its single value column ("done:visitor", "blocked:sms-not-received").
 */
export const correctedOutcomes = [
  ...stepActors.flatMap((by) => [`done:${by}`, `skipped:${by}`] as const),
  ...blockedReasons.map((reason) => `blocked:${reason}` as const),
] as const;
export type CorrectedOutcome = `done:${StepActor}` | `skipped:${StepActor}` | `blocked:${BlockedReason}`;
/**
 * How an accompaniment ended: finished, blocked, sent elsewhere, stopped by the visitor ("Arrêter", "Terminer"),
 * ended because nobody answered the mediator's idle warning, or cut by a crash (of the page or of the host).
 */
export const accompanimentOutcomes = ['done', 'blocked', 'referred', 'stopped', 'idle', 'crash'] as const;
export type AccompanimentOutcome = (typeof accompanimentOutcomes)[number];

/** What a resume ticket brings back: where to start, why it stopped, what to bring or wait for, what came before. */
export interface ResumedTicket {
  readonly journey: string;
  readonly step: string;
  /** The accompaniment it continues, when it was made on this kiosk. */
  readonly from?: string;
  readonly reason: BlockedReason | null;
  readonly wait: WaitKind | null;
  /** Places of the readiness questions whose "no" left something to bring. */
  readonly bring: readonly number[];
  readonly expiresAt: string;
  readonly history: readonly { readonly step: string; readonly outcome: StepOutcome | null }[];
}

/** Accompaniments per day, journey and outcome (activity figures). */
export interface ActivityRow {
  readonly day: string;
  readonly journey: string;
  readonly outcome: string;
  readonly accompaniments: number;
  readonly totalSeconds: number;
}

/** Blocked steps per day, journey, step and reason: where people get stuck. */
export interface StuckRow {
  readonly day: string;
  readonly journey: string;
  readonly step: string;
  readonly reason: string;
  readonly count: number;
}

/** What came of the last check for a new content pack (site configuration `contentUpdate`). */
export const contentCheckOutcomes = ['installed', 'not-modified', 'up-to-date', 'refused', 'unreachable'] as const;
export type ContentCheckOutcome = (typeof contentCheckOutcomes)[number];

export interface ContentUpdateStatus {
  /** The folder or address the kiosk polls. */
  readonly source: string;
  readonly intervalMinutes: number;
  readonly lastCheckAt: string | null;
  readonly lastOutcome: ContentCheckOutcome | null;
  /** Why the last pack was refused or could not be fetched (a key for the IT person), else null. */
  readonly lastProblem: string | null;
  /** Version of the pack the last successful install brought, if any since start. */
  readonly lastInstalled: string | null;
  readonly nextCheckAt: string | null;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied (no O/0, I/1, S/5, B/8…): tickets and setup codes. */
export const ticketAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
