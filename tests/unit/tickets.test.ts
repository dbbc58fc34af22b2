// Resume tickets: unambiguous codes, one use, an expiry, and nothing else stored.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { createTickets, newTicketCode, normaliseTicketCode, ticketAlphabet } from '../../main/assisted/tickets';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

describe('resume tickets', () => {
  it('uses no characters that look alike, in the XXXX-XXXX form', () => {
    for (const lookAlike of '0O1IL5S2Z8B') expect(ticketAlphabet).not.toContain(lookAlike);
    const codes = Array.from({ length: 500 }, newTicketCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${ticketAlphabet}]{4}-[${ticketAlphabet}]{4}$`));
    expect(new Set(codes).size).toBe(500);
  });

  it('reads what a visitor types: any case, spaces or no dash; refuses the rest', () => {
    expect(normaliseTicketCode(' ac3d 7fgh ')).toBe('AC3D-7FGH');
    expect(normaliseTicketCode('AC3D-7FG')).toBeNull();
    expect(normaliseTicketCode('AC3D-7FG0')).toBeNull();
  });

  it('gives the journey and step once, then forgets the ticket; an expired ticket is refused and purged', () => {
    const { db } = openStateDb(join(tempDir(), 'state.db'), createMemoryLogger());
    const clock = { now: new Date('2026-11-23T10:00:00Z') };
    const tickets = createTickets(db, () => clock.now.getTime());
    const { code, expiresAt } = tickets.create('activer-mon-espace-sante', 'code-provisoire');
    expect(expiresAt).toBe('2026-12-23T10:00:00.000Z');
    // The state DB keeps the day only (migration 007): the ticket lasts to the end of that day.
    expect(db.prepare('SELECT * FROM resume_ticket').all()).toEqual([
      { code, journey: 'activer-mon-espace-sante', step: 'code-provisoire', expires_at: '2026-12-24T00:00:00.000Z', accompaniment: null },
    ]);
    expect(tickets.use(code.toLowerCase())).toEqual({ journey: 'activer-mon-espace-sante', step: 'code-provisoire' });
    expect(tickets.use(code)).toBe('unknown');

    const old = tickets.create('creer-compte-ameli', 'identite', 30);
    const other = tickets.create('creer-compte-ameli', 'identite', 30);
    clock.now = new Date('2026-12-24T10:00:00Z');
    expect(tickets.use(old.code)).toBe('expired');
    expect(tickets.purgeExpired()).toBe(1);
    expect(tickets.use(other.code)).toBe('unknown');
    db.close();
  });
});
