// Resume tickets: a short code printed on the visitor's slip lets them continue a journey later, at any kiosk of
// the site, with any mediator. A ticket holds only the journey, the step and an expiry; it is deleted when used
// or expired. The code avoids letters and digits that look alike (0/O, 1/I/L, 5/S, 2/Z, 8/B).
import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';

import { ticketAlphabet } from '../../common/api/types';
import { isUniqueViolation } from '../state/constraint';
import { isoNow, systemClock, type Clock } from '../core/clock';

export { ticketAlphabet };
const codeLength = 8;

/** XXXX-XXXX from the unambiguous alphabet: 25^8 ≈ 1.5 × 10^11 codes. */
export function newTicketCode(): string {
  const chars = Array.from({ length: codeLength }, () => ticketAlphabet[randomInt(ticketAlphabet.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What a visitor may type: any case, with or without the dash or spaces. */
export function normaliseTicketCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== codeLength || [...cleaned].some((c) => !ticketAlphabet.includes(c))) return null;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`;
}

export function createTickets(db: Database.Database, now: Clock = systemClock) {
  const insert = db.prepare<[string, string, string, string, string | null]>(
    'INSERT INTO resume_ticket (code, journey, step, expires_at, accompaniment) VALUES (?, ?, ?, ?, ?)',
  );
  const take = db.prepare<[string], { journey: string; step: string; expires_at: string; accompaniment: string | null }>(
    'DELETE FROM resume_ticket WHERE code = ? RETURNING journey, step, expires_at, accompaniment',
  );
  const purge = db.prepare<[string]>('DELETE FROM resume_ticket WHERE expires_at <= ?');
  return {
    /** `accompaniment` is the one the ticket continues: a resumed journey stays one accompaniment in the figures. */
    create(journey: string, step: string, days = 30, accompaniment: string | null = null): { code: string; expiresAt: string } {
      const expiresAt = new Date(now() + days * 86_400_000).toISOString();
      for (;;) {
        const code = newTicketCode();
        try {
          insert.run(code, journey, step, expiresAt, accompaniment);
          return { code, expiresAt };
        } catch (error) {
          // The same code twice: draw again.
          if (!isUniqueViolation(error)) throw error;
        }
      }
    },
    /** The journey and step of a ticket, once: it is deleted when used, and an expired one is refused. */
    use(typed: string): { journey: string; step: string; from?: string } | 'invalid' | 'unknown' | 'expired' {
      const code = normaliseTicketCode(typed);
      if (!code) return 'invalid';
      const row = take.get(code);
      if (!row) return 'unknown';
      if (row.expires_at <= isoNow(now)) return 'expired';
      return { journey: row.journey, step: row.step, ...(row.accompaniment ? { from: row.accompaniment } : {}) };
    },
    /** Removes expired tickets (at start and once a day). */
    purgeExpired(): number {
      return purge.run(isoNow(now)).changes;
    },
  };
}
