// An accompaniment in assisted mode: started by an unlocked mediator on a journey of the content pack, then each
// event (consent, step done / skipped / blocked with a reason, secret step, a wait, print, ticket) goes into the
// journal. Journey and step ids are checked against the pack; nothing typed by anyone is accepted or kept.
import { randomBytes } from 'node:crypto';
import type { MediatorPrincipal, ParsedInputOf } from '../../common/api/contract';
import { fail, ok, type Result } from '../../common/api/result';
import type { AccompanimentOutcome, BlockedReason, StepOutcome, VisitEndReason, WaitKind } from '../../common/api/types';
import type { Journal } from '../journal/journal';
import { createTicketThrottle } from './ticket-throttle';
import type { createTickets } from './tickets';
import { type Clock } from '../core/clock';
import type { ContentReader } from '../content/content';

/** One event of an accompaniment, as the contract parses it (a union on the event, then on a step's outcome). */
export type AccompanimentEvent = ParsedInputOf<'assisted.record'>;
type RecordError = 'assisted.unknown' | 'content.notFound' | 'assisted.stepAlreadyEnded' | 'assisted.notLastStep';
/** The mediator accompanying, as their session says. */
type Accompanier = Pick<MediatorPrincipal, 'token' | 'role' | 'mediatorId'>;

export interface AssistedServiceOptions {
  readonly journal: Journal;
  readonly tickets: ReturnType<typeof createTickets>;
  readonly content: Pick<ContentReader, 'item'>;
  /** Ends a mediator session at once (one that guessed ticket codes). */
  readonly endSession: (token: string) => void;
  readonly ticketDays?: number;
  readonly now?: Clock;
}

/** An open accompaniment, in memory only: what a ticket for it would carry if the visit were cut now. */
interface Open {
  readonly journey: string;
  readonly steps: ReadonlySet<string>;
  readonly ended: Set<string>;
  /** Each ended step's outcome, corrections and a resumed ticket's history included. */
  readonly outcomes: Map<string, StepOutcome>;
  /** The step on screen, why it is blocked, what it waits for. */
  at: string | null;
  reason: BlockedReason | null;
  wait: WaitKind | null;
  last: string | null;
}

export function createAssistedService(options: AssistedServiceOptions) {
  const { journal } = options;
  /** Open accompaniments: their journey, the steps already ended and the step on screen (for a ticket if the visit is cut), in memory only. */
  const open = new Map<string, Open>();
  // The history a mediator's last ticket brought (from any kiosk of the site), for the accompaniment it starts.
  const resumed = new Map<string, { journey: string; outcomes: ReadonlyMap<string, StepOutcome>; link: string }>();
  const throttle = createTicketThrottle(options.now);
  /** Tickets made because a crash cut an accompaniment: the page that comes back shows them once, with the slip. */
  let interrupted: { code: string; expiresAt: string; journey: string }[] = [];
  /** The step after `step` in the journey's order, or null after the last one. */
  const after = (steps: ReadonlySet<string>, step: string): string | null => {
    const order = [...steps];
    return order[order.indexOf(step) + 1] ?? null;
  };

  // An accompaniment the previous run left open (the host stopped or crashed mid-way) cannot go on: it ends as a
  // crash, so the figures count it and retention is not held back by it forever.
  const leftOpen = new Map<string, string>();
  for (const { event } of journal.events()) {
    if (event?.event === 'accompaniment.start') leftOpen.set(event.accompaniment, event.journey);
    else if (event?.event === 'accompaniment.end') leftOpen.delete(event.accompaniment);
  }
  for (const [accompaniment, journey] of leftOpen) journal.append({ event: 'accompaniment.end', accompaniment, journey, outcome: 'crash' });

  const stepsOf = (journey: string): ReadonlySet<string> | null => {
    const item = options.content.item('fr', journey);
    if (!item.ok || item.value.kind !== 'journey') return null;
    return new Set(item.value.body.steps.map((s) => s.id));
  };
  /** A ticket for the step an accompaniment is on, carrying why and what happened before. */
  const ticketFor = (accompaniment: string, current: Open, step: string, bring: readonly number[] = []) => {
    const reason = step === current.at ? current.reason : current.outcomes.get(step) === 'blocked' ? 'other' : null;
    const ticket = options.tickets.create(
      {
        journey: current.journey,
        steps: [...current.steps],
        step,
        reason,
        wait: step === current.at ? current.wait : null,
        bring,
        outcomes: current.outcomes,
      },
      options.ticketDays ?? 30,
      accompaniment,
    );
    journal.append({ event: 'ticket.created', accompaniment, journey: current.journey, step });
    journal.append({ event: 'accompaniment.ticket', accompaniment, journey: current.journey, link: options.tickets.linkOf(ticket.code) });
    return ticket;
  };

  const methods = {
    /** Starts an accompaniment on a journey of the pack, carrying on the history of the mediator's last ticket. */
    start: (journey: string, resumes: string | undefined, mediator: Accompanier): Result<{ accompaniment: string }, 'content.notFound'> => {
      const steps = stepsOf(journey);
      if (!steps) return fail('content.notFound');
      const accompaniment = randomBytes(12).toString('base64url');
      const before = resumed.get(mediator.token);
      resumed.delete(mediator.token);
      const outcomes = new Map(before?.journey === journey ? before.outcomes : []);
      open.set(accompaniment, { journey, steps, ended: new Set(), outcomes, at: null, reason: null, wait: null, last: null });
      journal.append({ event: 'accompaniment.start', accompaniment, journey, role: mediator.role });
      // Which account accompanied (a number, for "my lines of the day"), and the accompaniment a ticket continues.
      journal.append({ event: 'accompaniment.with', accompaniment, journey, mediatorId: String(mediator.mediatorId) });
      if (resumes) journal.append({ event: 'accompaniment.resumes', accompaniment, journey, resumes });
      // The ticket it continues, made on this kiosk or another one of the site: merged figures join them by it.
      if (before?.journey === journey) journal.append({ event: 'accompaniment.continues', accompaniment, journey, link: before.link });
      return ok({ accompaniment });
    },
    /** One event of an accompaniment, into the journal. */
    record: (input: AccompanimentEvent): Result<{ recorded: true }, RecordError> => {
      const current = open.get(input.accompaniment);
      if (!current) return fail('assisted.unknown');
      const base = { accompaniment: input.accompaniment, journey: current.journey };
      if (input.event === 'consent.given') {
        journal.append({ ...base, event: 'consent.given' });
        current.at ??= [...current.steps][0] ?? null;
      } else if (input.event === 'print') journal.append({ ...base, event: 'print', what: input.what });
      else if (input.event === 'redirected') journal.append({ ...base, event: 'accompaniment.redirected', to: input.to });
      else if (!current.steps.has(input.step)) return fail('content.notFound');
      else if (input.event === 'step.secret') {
        journal.append({ ...base, event: 'step.secret', step: input.step });
        current.at = input.step;
      } else if (input.event === 'step.wait') {
        journal.append({ ...base, event: 'step.wait', step: input.step, what: input.what });
        current.at = input.step;
        current.wait = input.what;
      } else if (input.event === 'step.corrected') {
        // Only the last step that ended can be corrected, and only by appending: the first ending stays in the journal.
        if (current.last !== input.step) return fail('assisted.notLastStep');
        const to = input.outcome === 'blocked' ? (`blocked:${input.reason}` as const) : (`${input.outcome}:${input.by}` as const);
        journal.append({ ...base, event: 'step.corrected', step: input.step, to });
        current.outcomes.set(input.step, input.outcome);
        if (input.outcome === 'blocked') {
          current.at = input.step;
          current.reason = input.reason;
        } else if (current.at === input.step) {
          current.at = after(current.steps, input.step);
          current.reason = null;
        }
      } else {
        // A step ends once: ending it again would count it twice, or turn a blocked step done without a trace.
        if (current.ended.has(input.step)) return fail('assisted.stepAlreadyEnded');
        current.ended.add(input.step);
        current.last = input.step;
        current.outcomes.set(input.step, input.outcome);
        current.wait = null;
        if (input.outcome === 'blocked') {
          journal.append({ ...base, event: 'step.blocked', step: input.step, reason: input.reason });
          current.at = input.step;
          current.reason = input.reason;
        } else {
          journal.append({ ...base, event: input.outcome === 'done' ? 'step.done' : 'step.skipped', step: input.step, by: input.by });
          current.at = after(current.steps, input.step);
          current.reason = null;
        }
      }
      return ok({ recorded: true as const });
    },
    end: (accompaniment: string, outcome: AccompanimentOutcome): Result<{ ended: true }, 'assisted.unknown'> => {
      const current = open.get(accompaniment);
      if (!current) return fail('assisted.unknown');
      open.delete(accompaniment);
      journal.append({ event: 'accompaniment.end', accompaniment, journey: current.journey, outcome });
      return ok({ ended: true as const });
    },
    /** A resume ticket for a step of an open accompaniment. */
    createTicket: (accompaniment: string, step: string, bring?: readonly number[]) => {
      const current = open.get(accompaniment);
      if (!current) return fail('assisted.unknown');
      if (!current.steps.has(step)) return fail('content.notFound');
      return ok(ticketFor(accompaniment, current, step, bring));
    },
    /** Tickets of accompaniments a crash cut, given once. */
    takeInterrupted: () => {
      const tickets = interrupted;
      interrupted = [];
      return tickets;
    },
    /** A ticket of this site: where to resume; a session that guesses codes is ended. */
    useTicket: async (code: string, token: string) => {
      if (!throttle.open()) return fail('ticket.tooMany');
      const used = await options.tickets.use(code);
      if (used === 'unknown' && throttle.failed(token)) {
        throttle.forget(token);
        options.endSession(token);
      }
      if (typeof used === 'string') return fail(`ticket.${used}` as const);
      throttle.succeeded(token);
      resumed.set(token, {
        journey: used.journey,
        outcomes: new Map(used.history.flatMap((h) => (h.outcome ? [[h.step, h.outcome] as const] : []))),
        link: options.tickets.linkOf(code),
      });
      journal.append({ event: 'ticket.used', journey: used.journey, step: used.step });
      return ok(used);
    },
  };

  /**
   * The visit ended while accompaniments were open (the page normally closes them itself, with the slip: this is
   * what is left after a crash or a wipe by staff). Each ends with the visit's reason, and a ticket for the step it
   * was on, so that a mediator can pick it up again (the journal keeps the ticket's making, not its code).
   */
  const stopAll = (reason: VisitEndReason = 'visitor'): void => {
    const outcome: AccompanimentOutcome = reason === 'crash' ? 'crash' : reason === 'idle' ? 'idle' : 'stopped';
    for (const [accompaniment, current] of open) {
      if (current.at) {
        const ticket = ticketFor(accompaniment, current, current.at);
        if (reason === 'crash') interrupted.push({ ...ticket, journey: current.journey });
      }
      journal.append({ event: 'accompaniment.end', accompaniment, journey: current.journey, outcome });
    }
    open.clear();
  };

  return { ...methods, stopAll };
}

export type AssistedService = ReturnType<typeof createAssistedService>;
