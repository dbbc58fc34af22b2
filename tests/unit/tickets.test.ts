// Resume tickets carry themselves under the site's key: any kiosk with the key reads the journey, the step, why it
// stopped, what to bring or wait for and the steps before; another key, a changed character or an expired ticket is
// refused; a code resumes once per kiosk; codes use no look-alike characters.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { createTickets, normaliseTicketCode, ticketAlphabet, type JourneyShapes } from '../../main/assisted/tickets';
import { decodeTicket, encodeTicket, journeyMark } from '../../main/assisted/ticket-code';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const mes = ['ouvrir-le-site', 'numero', 'carte-vitale', 'code-provisoire', 'date', 'identifiant', 'code-a-usage-unique', 'fin'];
const shapes: JourneyShapes = async () =>
  new Map([
    ['activer-mon-espace-sante', { steps: mes }],
    ['creer-compte-ameli', { steps: ['identite', 'code', 'fin'] }],
  ]);

function kiosk(key: Buffer, clock = { now: new Date('2026-11-23T10:00:00Z') }) {
  const { db } = openStateDb(join(tempDir(), 'state.db'), createMemoryLogger());
  return { db, clock, tickets: createTickets(db, key, shapes, () => clock.now.getTime()) };
}

describe('resume tickets', () => {
  it('uses no characters that look alike, in the XXXX-XXXX-XXXX-XXXX-XXXX-XXXX form, and two codes for the same place', () => {
    for (const lookAlike of '0O1IL5S2Z8B') expect(ticketAlphabet).not.toContain(lookAlike);
    const key = randomBytes(32);
    const place = { journey: 'activer-mon-espace-sante', step: 3, reason: null, wait: null, bring: [], expires: '2026-12-23', history: [] };
    const codes = Array.from({ length: 200 }, () => encodeTicket(key, place));
    for (const code of codes) expect(code).toMatch(new RegExp(`^([${ticketAlphabet}]{4}-){5}[${ticketAlphabet}]{4}$`));
    // 16 random bits: among 200 codes of one place and day a pair may match (create() then draws again), never many.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(195);
  });

  it('reads what a visitor types: any case, spaces or no dashes; refuses the rest', () => {
    expect(normaliseTicketCode(' ac3d 7fgh acde fghj kmnp qrtu ')).toBe('AC3D-7FGH-ACDE-FGHJ-KMNP-QRTU');
    expect(normaliseTicketCode('AC3D-7FGH-ACDE-FGHJ-KMNP-QRT')).toBeNull();
    expect(normaliseTicketCode('AC3D-7FGH-ACDE-FGHJ-KMNP-QRT0')).toBeNull();
  });

  it('a ticket made on one kiosk resumes on another with the same site key, once, with its reason, wait, things to bring and history', async () => {
    const key = randomBytes(32);
    const first = kiosk(key);
    const outcomes = new Map([
      ['ouvrir-le-site', 'done'],
      ['numero', 'done'],
      ['carte-vitale', 'skipped'],
    ] as const);
    const { code, expiresAt } = first.tickets.create(
      {
        journey: 'activer-mon-espace-sante',
        steps: mes,
        step: 'code-provisoire',
        reason: 'sms-not-received',
        wait: 'sms',
        bring: [1],
        outcomes,
      },
      30,
      'origin-accompaniment',
    );
    expect(expiresAt).toBe('2026-12-23T23:59:59.999Z');
    const second = kiosk(key);
    const used = await second.tickets.use(code.toLowerCase());
    expect(used).toEqual({
      journey: 'activer-mon-espace-sante',
      step: 'code-provisoire',
      reason: 'sms-not-received',
      wait: 'sms',
      bring: [1],
      expiresAt,
      history: [
        { step: 'ouvrir-le-site', outcome: 'done' },
        { step: 'numero', outcome: 'done' },
        { step: 'carte-vitale', outcome: 'skipped' },
      ],
    });
    // Once per kiosk; on the kiosk that made it, it still names the accompaniment it continues.
    expect(await second.tickets.use(code)).toBe('unknown');
    expect(await first.tickets.use(code)).toMatchObject({ step: 'code-provisoire', from: 'origin-accompaniment' });
    expect(await first.tickets.use(code)).toBe('unknown');
  });

  it("a ticket's link is the same on every kiosk of the site however the code is typed, and another site's is another", () => {
    const key = randomBytes(32);
    const a = kiosk(key);
    const b = kiosk(key);
    const { code } = a.tickets.create({ journey: 'activer-mon-espace-sante', steps: mes, step: 'code-provisoire' });
    const link = a.tickets.linkOf(code);
    expect(link).toMatch(/^[0-9a-f]{16}$/);
    expect(b.tickets.linkOf(code.toLowerCase().replace(/-/g, ' '))).toBe(link);
    expect(kiosk(randomBytes(32)).tickets.linkOf(code)).not.toBe(link);
    const other = a.tickets.create({ journey: 'activer-mon-espace-sante', steps: mes, step: 'code-provisoire' });
    expect(a.tickets.linkOf(other.code)).not.toBe(link);
  });

  it('another site key, one changed character, or a day past its expiry: refused', async () => {
    const key = randomBytes(32);
    const { tickets, clock } = kiosk(key);
    const { code } = tickets.create({ journey: 'creer-compte-ameli', steps: ['identite', 'code', 'fin'], step: 'code' }, 30);
    expect(await kiosk(randomBytes(32)).tickets.use(code)).toBe('unknown');
    const last = code.at(-1) as string;
    const changed = code.slice(0, -1) + ticketAlphabet[(ticketAlphabet.indexOf(last) + 1) % ticketAlphabet.length];
    expect(await kiosk(key).tickets.use(changed)).toBe('unknown');
    clock.now = new Date('2026-12-24T10:00:00Z');
    expect(await tickets.use(code)).toBe('expired');
    expect(tickets.purgeExpired()).toBe(1);
  });

  it('guessing: out of 50,000 random codes, none is a ticket of the site', () => {
    const key = randomBytes(32);
    const journeyOf = (mark: number) =>
      mark === journeyMark('activer-mon-espace-sante') ? { id: 'activer-mon-espace-sante', steps: 8 } : null;
    let accepted = 0;
    for (let i = 0; i < 50_000; i++) {
      const bytes = randomBytes(24);
      const guess = [...bytes].map((b) => ticketAlphabet[b % ticketAlphabet.length]).join('');
      if (typeof decodeTicket(key, guess, journeyOf) !== 'string') accepted += 1;
    }
    expect(accepted).toBe(0);
  });
});
