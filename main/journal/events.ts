// The journal's events, each with its own fields, and their encoding into the journal's row columns. The row layout
// (and so every hash already written) is unchanged: `detail` still holds the one closed-list value an event has,
// and only this module knows which one. Figures read the `journal_decoded` view, which names those values.
import type {
  AccompanimentOutcome,
  BlockedReason,
  CorrectedOutcome,
  MediatorRole,
  PrintKind,
  RedirectionKey,
  StepActor,
  WaitKind,
} from '../../common/api/types';
import {
  accompanimentOutcomes,
  blockedReasons,
  correctedOutcomes,
  mediatorRoles,
  printKinds,
  redirectionKeys,
  stepActors,
  waitKinds,
} from '../../common/api/types';

/** Why assisted mode locked: idle time, the mediator's own lock, the end of the visit, or guessed ticket codes. */
export const lockCauses = ['idle', 'mediator', 'visit-end', 'tickets'] as const;
export type LockCause = (typeof lockCauses)[number];
export const adminActions = ['mediator.created', 'mediator.reset', 'mediator.disabled', 'mediator.enabled'] as const;
export type AdminAction = (typeof adminActions)[number];

interface InAccompaniment {
  /** A random id shared by the rows of one accompaniment; never derived from the visitor. */
  readonly accompaniment: string;
  readonly journey: string;
}

/** Every event the journal records, with exactly the fields it has. Nothing typed by anyone fits in any of them. */
export type JournalEvent =
  | { readonly event: 'mediator.unlock'; readonly role: MediatorRole }
  | { readonly event: 'mediator.lock'; readonly cause: LockCause }
  | ({ readonly event: 'accompaniment.start'; readonly role: MediatorRole } & InAccompaniment)
  | ({ readonly event: 'accompaniment.end'; readonly outcome: AccompanimentOutcome } & InAccompaniment)
  | ({ readonly event: 'consent.given' } & InAccompaniment)
  | ({ readonly event: 'step.done' | 'step.skipped'; readonly step: string; readonly by: StepActor } & InAccompaniment)
  | ({ readonly event: 'step.blocked'; readonly step: string; readonly reason: BlockedReason } & InAccompaniment)
  | ({ readonly event: 'step.secret'; readonly step: string } & InAccompaniment)
  | ({ readonly event: 'print'; readonly what: PrintKind } & InAccompaniment)
  | ({ readonly event: 'ticket.created'; readonly step: string } & InAccompaniment)
  | { readonly event: 'ticket.used'; readonly journey: string; readonly step: string }
  | { readonly event: 'admin.action'; readonly action: AdminAction }
  | ({ readonly event: 'accompaniment.with'; readonly mediatorId: string } & InAccompaniment)
  | ({ readonly event: 'accompaniment.resumes'; readonly resumes: string } & InAccompaniment)
  /** The link of a ticket this accompaniment gave, or of the ticket it continues (from any kiosk of the site). */
  | ({ readonly event: 'accompaniment.ticket' | 'accompaniment.continues'; readonly link: string } & InAccompaniment)
  | ({ readonly event: 'accompaniment.redirected'; readonly to: RedirectionKey } & InAccompaniment)
  | ({ readonly event: 'step.wait'; readonly step: string; readonly what: WaitKind } & InAccompaniment)
  /** Retention removed the rows up to `cut` ("UNTIL" or "UNTIL:MAC" with the site's journal key): written first. */
  | { readonly event: 'journal.retention'; readonly cut: string }
  /** The last ended step corrected: its new outcome; the first ending stays (the journal is never updated). */
  | ({ readonly event: 'step.corrected'; readonly step: string; readonly to: CorrectedOutcome } & InAccompaniment);

export type JournalEventName = JournalEvent['event'];

/** The row columns an event is stored in (besides id, time and hashes). */
export interface EncodedEvent {
  readonly event: JournalEventName;
  readonly accompaniment: string | null;
  readonly journey: string | null;
  readonly step: string | null;
  readonly detail: string | null;
}

/** For each event, the field kept in `detail` and the closed list it comes from (null: the event has none). */
const detailOf = {
  'mediator.unlock': { field: 'role', values: mediatorRoles },
  'mediator.lock': { field: 'cause', values: lockCauses },
  'accompaniment.start': { field: 'role', values: mediatorRoles },
  'accompaniment.end': { field: 'outcome', values: accompanimentOutcomes },
  'consent.given': null,
  'step.done': { field: 'by', values: stepActors },
  'step.skipped': { field: 'by', values: stepActors },
  'step.blocked': { field: 'reason', values: blockedReasons },
  'step.secret': null,
  print: { field: 'what', values: printKinds },
  'ticket.created': null,
  'ticket.used': null,
  'admin.action': { field: 'action', values: adminActions },
  // A mediator account's number, and another accompaniment's random id: checked by their shape.
  'accompaniment.with': { field: 'mediatorId', pattern: /^[1-9]\d{0,9}$/ },
  'accompaniment.resumes': { field: 'resumes', pattern: /^[A-Za-z0-9_-]{16}$/ },
  'accompaniment.redirected': { field: 'to', values: redirectionKeys },
  // A ticket's link: a keyed fingerprint of its code (main/assisted/ticket-code.ts), never the code.
  'accompaniment.ticket': { field: 'link', pattern: /^[0-9a-f]{16}$/ },
  'accompaniment.continues': { field: 'link', pattern: /^[0-9a-f]{16}$/ },
  'step.wait': { field: 'what', values: waitKinds },
  'journal.retention': { field: 'cut', pattern: /^[1-9]\d{0,15}(:[0-9a-f]{16})?$/ },
  'step.corrected': { field: 'to', values: correctedOutcomes },
} as const satisfies Record<JournalEventName, ({ field: string } & ({ values: readonly string[] } | { pattern: RegExp })) | null>;

export const journalEventNames = Object.keys(detailOf) as JournalEventName[];

export function encodeEvent(event: JournalEvent): EncodedEvent {
  const fields = event as unknown as Record<string, string | undefined>;
  const detail = detailOf[event.event];
  return {
    event: event.event,
    accompaniment: fields.accompaniment ?? null,
    journey: fields.journey ?? null,
    step: fields.step ?? null,
    detail: detail ? (fields[detail.field] ?? null) : null,
  };
}

function fits(detail: { values: readonly string[] } | { pattern: RegExp }, value: string | null): boolean {
  if (value === null) return false;
  return 'values' in detail ? detail.values.includes(value) : detail.pattern.test(value);
}

/** The typed event of a stored row, or null when the row does not fit any event (a tampered or unknown row). */
export function decodeEvent(row: EncodedEvent): JournalEvent | null {
  if (!Object.hasOwn(detailOf, row.event)) return null;
  const detail = detailOf[row.event];
  if (detail && !fits(detail, row.detail)) return null;
  if (!detail && row.detail !== null) return null;
  const decoded: Record<string, string> = { event: row.event };
  if (row.accompaniment !== null) decoded.accompaniment = row.accompaniment;
  if (row.journey !== null) decoded.journey = row.journey;
  if (row.step !== null) decoded.step = row.step;
  if (detail && row.detail !== null) decoded[detail.field] = row.detail;
  return decoded as unknown as JournalEvent;
}

/** A journal row as the `journal_decoded` view gives it: each event's one value in a column named for what it is. */
export interface DecodedJournalRow {
  readonly id: number;
  readonly at: string;
  readonly event: JournalEventName;
  readonly accompaniment: string | null;
  readonly journey: string | null;
  readonly step: string | null;
  readonly role: MediatorRole | null;
  readonly lock_cause: LockCause | null;
  readonly outcome: AccompanimentOutcome | null;
  readonly done_by: StepActor | null;
  readonly blocked_reason: BlockedReason | null;
  readonly print_kind: PrintKind | null;
  readonly admin_action: AdminAction | null;
  readonly mediator_id: string | null;
  readonly resumes: string | null;
  readonly redirected_to: RedirectionKey | null;
  readonly wait_for: WaitKind | null;
  /** A correction's new outcome; its actor is in `done_by`, its reason in `blocked_reason` (migration 008). */
  readonly corrected_to: 'done' | 'skipped' | 'blocked' | null;
  /** A ticket's link, given or continued (migration 009). */
  readonly ticket_link: string | null;
}
