// An accompaniment in assisted mode: started by an unlocked mediator on a journey of the content pack, then each
// event (consent, step done / skipped / blocked with a reason, secret step, print, ticket) goes into the journal.
// Journey and step ids are checked against the pack; nothing typed by anyone is accepted or kept.
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../common/api/contract';
import { fail, ok } from '../../common/api/result';
import type { JourneyBody } from '../../common/api/types';
import type { Journal } from '../journal/journal';
import { createTicketThrottle } from './ticket-throttle';
import type { createTickets } from './tickets';

export interface AssistedServiceOptions {
  readonly journal: Journal;
  readonly tickets: ReturnType<typeof createTickets>;
  readonly content: Pick<Handlers, 'content.item'>;
  /** Ends a mediator session at once (one that guessed ticket codes). */
  readonly endSession: (token: string) => void;
  readonly ticketDays?: number;
  readonly now?: () => number;
}

export function createAssistedService(options: AssistedServiceOptions) {
  const { journal } = options;
  /** Open accompaniments: their journey, held in memory only while they run. */
  const open = new Map<string, { journey: string; steps: ReadonlySet<string>; ended: Set<string> }>();
  const throttle = createTicketThrottle(options.now);

  // An accompaniment the previous run left open (the host stopped or crashed mid-way) cannot go on: it ends as
  // stopped, so the figures count it and retention is not held back by it forever.
  const leftOpen = new Map<string, string>();
  for (const { event } of journal.events()) {
    if (event?.event === 'accompaniment.start') leftOpen.set(event.accompaniment, event.journey);
    else if (event?.event === 'accompaniment.end') leftOpen.delete(event.accompaniment);
  }
  for (const [accompaniment, journey] of leftOpen)
    journal.append({ event: 'accompaniment.end', accompaniment, journey, outcome: 'stopped' });

  const stepsOf = async (journey: string): Promise<ReadonlySet<string> | null> => {
    const item = await options.content['content.item']({ locale: 'fr', id: journey });
    if (!item.ok || item.value.kind !== 'journey') return null;
    return new Set((item.value.body as JourneyBody).steps.map((s) => s.id));
  };

  const handlers = {
    'assisted.start': async ({ journey }, mediator) => {
      const steps = await stepsOf(journey);
      if (!steps) return fail('content.notFound');
      const accompaniment = randomBytes(12).toString('base64url');
      open.set(accompaniment, { journey, steps, ended: new Set() });
      journal.append({ event: 'accompaniment.start', accompaniment, journey, role: mediator.role });
      return ok({ accompaniment });
    },
    'assisted.record': (input) => {
      const current = open.get(input.accompaniment);
      if (!current) return fail('assisted.unknown');
      const base = { accompaniment: input.accompaniment, journey: current.journey };
      if (input.event === 'consent.given') journal.append({ ...base, event: 'consent.given' });
      else if (input.event === 'print') journal.append({ ...base, event: 'print', what: input.what });
      else if (!current.steps.has(input.step)) return fail('content.notFound');
      else if (input.event === 'step.secret') journal.append({ ...base, event: 'step.secret', step: input.step });
      else {
        // A step ends once: ending it again would count it twice, or turn a blocked step done without a trace.
        if (current.ended.has(input.step)) return fail('assisted.stepAlreadyEnded');
        current.ended.add(input.step);
        if (input.outcome === 'blocked') journal.append({ ...base, event: 'step.blocked', step: input.step, reason: input.reason });
        else journal.append({ ...base, event: input.outcome === 'done' ? 'step.done' : 'step.skipped', step: input.step, by: input.by });
      }
      return ok({ recorded: true as const });
    },
    'assisted.end': ({ accompaniment, outcome }) => {
      const current = open.get(accompaniment);
      if (!current) return fail('assisted.unknown');
      open.delete(accompaniment);
      journal.append({ event: 'accompaniment.end', accompaniment, journey: current.journey, outcome });
      return ok({ ended: true as const });
    },
    'assisted.ticketCreate': ({ accompaniment, step }) => {
      const current = open.get(accompaniment);
      if (!current) return fail('assisted.unknown');
      if (!current.steps.has(step)) return fail('content.notFound');
      const ticket = options.tickets.create(current.journey, step, options.ticketDays ?? 30);
      journal.append({ event: 'ticket.created', accompaniment, journey: current.journey, step });
      return ok(ticket);
    },
    'assisted.ticketUse': ({ code }, { token }) => {
      if (!throttle.open()) return fail('ticket.tooMany');
      const used = options.tickets.use(code);
      if (used === 'unknown' && throttle.failed(token)) {
        throttle.forget(token);
        options.endSession(token);
      }
      if (typeof used === 'string') return fail(`ticket.${used}` as const);
      throttle.succeeded(token);
      journal.append({ event: 'ticket.used', journey: used.journey, step: used.step });
      return ok(used);
    },
  } satisfies Pick<Handlers, 'assisted.start' | 'assisted.record' | 'assisted.end' | 'assisted.ticketCreate' | 'assisted.ticketUse'>;

  /** The visit ended while accompaniments were open: they end as stopped by the visitor. */
  const stopAll = (): void => {
    for (const [accompaniment, current] of open)
      journal.append({ event: 'accompaniment.end', accompaniment, journey: current.journey, outcome: 'stopped' });
    open.clear();
  };

  return { handlers, stopAll };
}
