// Resume tickets: a code printed on the visitor's slip lets them continue a journey later, at any kiosk of the site
// (ticket-code.ts: the code carries the journey, the step, the reason, what to bring or wait for and the steps'
// outcomes, authenticated with the site's key), with any mediator. This kiosk remembers the codes it made (to join
// a resume on this kiosk to the accompaniment it continues) and the codes it took (a code works once per kiosk).
import type Database from 'better-sqlite3';
import { ticketAlphabet, type BlockedReason, type ResumedTicket, type StepOutcome, type WaitKind } from '../../common/api/types';
import { decodeTicket, encodeTicket, journeyMark, ticketLength, ticketLink } from './ticket-code';
import { isoNow, systemClock, type Clock } from '../core/clock';
import { isUniqueViolation } from '../state/constraint';

export { ticketAlphabet };

/** XXXX-XXXX-XXXX-XXXX-XXXX-XXXX, from what a visitor may type: any case, with or without dashes or spaces. */
export function normaliseTicketCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== ticketLength || [...cleaned].some((c) => !ticketAlphabet.includes(c))) return null;
  return cleaned.replace(/(.{4})(?=.)/g, '$1-');
}

/** The journeys of the content pack, with their steps and readiness questions, by id. */
export type JourneyShapes = () => Promise<ReadonlyMap<string, { readonly steps: readonly string[] }>>;

/** What a ticket gives back (the wire's own shape: the resuming mediator sees it as it is). */
export type UsedTicket = ResumedTicket;

export interface NewTicket {
  readonly journey: string;
  /** The journey's step ids, in order. */
  readonly steps: readonly string[];
  readonly step: string;
  readonly reason?: BlockedReason | null;
  readonly wait?: WaitKind | null;
  readonly bring?: readonly number[];
  /** Each ended step's outcome (the last one recorded, corrections included). */
  readonly outcomes?: ReadonlyMap<string, StepOutcome>;
}

export function createTickets(db: Database.Database, key: Buffer, journeys: JourneyShapes, now: Clock = systemClock) {
  const insert = db.prepare<[string, string, string, string, string | null]>(
    'INSERT OR REPLACE INTO resume_ticket (code, journey, step, expires_at, accompaniment) VALUES (?, ?, ?, ?, ?)',
  );
  const take = db.prepare<[string], { accompaniment: string | null }>('DELETE FROM resume_ticket WHERE code = ? RETURNING accompaniment');
  const markUsed = db.prepare<[string, string]>('INSERT OR IGNORE INTO used_ticket (code, expires_at) VALUES (?, ?)');
  const purge = [
    db.prepare<[string]>('DELETE FROM resume_ticket WHERE expires_at <= ?'),
    db.prepare<[string]>('DELETE FROM used_ticket WHERE expires_at <= ?'),
  ];
  return {
    /** `accompaniment` is the one the ticket continues: a resumed journey stays one accompaniment in the figures. */
    create(ticket: NewTicket, days = 30, accompaniment: string | null = null): { code: string; expiresAt: string } {
      const { steps } = ticket;
      const step = steps.indexOf(ticket.step);
      if (step < 0) throw new Error('a ticket for a step of the journey');
      const expires = new Date(now() + days * 86_400_000).toISOString().slice(0, 10);
      const before = steps.slice(Math.max(0, step - 11), step);
      const expiresAt = `${expires}T23:59:59.999Z`;
      // The same place the same day can draw the same 16 random bits: a code already issued here is drawn again.
      for (;;) {
        const code = encodeTicket(key, {
          journey: ticket.journey,
          step,
          reason: ticket.reason ?? null,
          wait: ticket.wait ?? null,
          bring: ticket.bring ?? [],
          expires,
          history: before.map((id) => ticket.outcomes?.get(id) ?? null),
        });
        try {
          insert.run(code, ticket.journey, ticket.step, expiresAt, accompaniment);
          return { code, expiresAt };
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
    },
    /** What a ticket of this site says, once on this kiosk; one of another site, changed or expired is refused. */
    async use(typed: string): Promise<UsedTicket | 'invalid' | 'unknown' | 'expired'> {
      const code = normaliseTicketCode(typed);
      if (!code) return 'invalid';
      const shapes = await journeys();
      const byMark = new Map<number, { id: string; steps: number }[]>();
      for (const [id, shape] of shapes)
        byMark.set(journeyMark(id), [...(byMark.get(journeyMark(id)) ?? []), { id, steps: shape.steps.length }]);
      // Two journeys of the pack with the same mark: neither can be told from the other, so neither is read.
      const decoded = decodeTicket(key, code, (mark) => (byMark.get(mark)?.length === 1 ? (byMark.get(mark)?.[0] ?? null) : null));
      if (typeof decoded === 'string') return decoded;
      const expiresAt = `${decoded.expires}T23:59:59.999Z`;
      if (expiresAt <= isoNow(now)) return 'expired';
      if (markUsed.run(code, expiresAt).changes === 0) return 'unknown';
      const steps = shapes.get(decoded.journey)?.steps ?? [];
      const origin = take.get(code)?.accompaniment ?? null;
      const first = decoded.step - decoded.history.length;
      return {
        journey: decoded.journey,
        step: steps[decoded.step] as string,
        ...(origin ? { from: origin } : {}),
        reason: decoded.reason,
        wait: decoded.wait,
        bring: decoded.bring,
        expiresAt,
        history: decoded.history.map((outcome, i) => ({ step: steps[first + i] as string, outcome })).filter((h) => h.outcome !== null),
      };
    },
    /** The link of a code (the same on every kiosk of the site): the figures join the parts of an accompaniment by it. */
    linkOf(code: string): string {
      return ticketLink(key, code);
    },
    /** Removes expired tickets and the memory of used ones (at start and once a day). */
    purgeExpired(): number {
      const at = isoNow(now);
      return purge.reduce((sum, statement) => sum + statement.run(at).changes, 0);
    },
  };
}
