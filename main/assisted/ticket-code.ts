// A resume ticket that carries itself: the journey, the step, why it stopped, what to bring or wait for, what
// happened at the steps before it, and its expiry, packed into 24 unambiguous characters with a random part (two
// visitors stopped at the same place get two codes) and authenticated with an HMAC under the site's key. Any kiosk
// holding the same key reads it, with no server and no shared folder; a kiosk with another key, or a changed
// character, refuses it. The 34-bit tag makes a guess succeed once in 17 billion, and the ticket throttle allows a
// kiosk a few dozen wrong codes an hour. Nothing in it is the visitor's.
import { randomInt } from 'node:crypto';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { blockedReasons, stepOutcomes, ticketAlphabet, waitKinds } from '../../common/api/types';
import type { BlockedReason, StepOutcome, WaitKind } from '../../common/api/types';

/** What a ticket says. `history` holds the outcomes of up to 11 steps just before `step` (null: nothing recorded). */
export interface TicketContent {
  readonly journey: string;
  readonly step: number;
  readonly reason: BlockedReason | null;
  readonly wait: WaitKind | null;
  /** Indices of the readiness questions whose "no" left something to bring (the first five questions). */
  readonly bring: readonly number[];
  /** The last day the ticket is valid (YYYY-MM-DD, UTC). */
  readonly expires: string;
  readonly history: readonly (StepOutcome | null)[];
}

export const ticketLength = 24;
const historySteps = 11;
const epoch = Date.UTC(2026, 0, 1);
const dayMs = 86_400_000;
const base = BigInt(ticketAlphabet.length);
const tagBits = 34n;
/** version 1 · journey 10 · step 5 · reason 3 · wait 3 · bring 5 · expiry day 12 · history 22 · random 16 = 77 bits, + the tag: 111 < log2(25^24). */
const fields = {
  version: 1,
  journey: 10,
  step: 5,
  reason: 3,
  wait: 3,
  bring: 5,
  expires: 12,
  history: 2 * historySteps,
  nonce: 16,
} as const;

/** The 10-bit mark of a journey id (ids of one pack are checked for clashes by `journeyOf`). */
export function journeyMark(journey: string): number {
  return createHash('sha256').update(journey).digest().readUInt16BE(0) >> 6;
}

function tag(key: Buffer, payload: bigint): bigint {
  const mac = createHmac('sha256', key).update(payload.toString(16)).digest();
  return mac.readBigUInt64BE(0) >> (64n - tagBits);
}

export function encodeTicket(key: Buffer, content: TicketContent): string {
  const expiresDay = Math.round((Date.parse(`${content.expires}T00:00:00Z`) - epoch) / dayMs);
  if (content.step >= 2 ** fields.step) throw new Error('a ticket holds steps 0 to 31');
  const values: [keyof typeof fields, number][] = [
    ['version', 0],
    ['journey', journeyMark(content.journey)],
    ['step', content.step],
    ['reason', content.reason ? blockedReasons.indexOf(content.reason) + 1 : 0],
    ['wait', content.wait ? waitKinds.indexOf(content.wait) + 1 : 0],
    ['bring', content.bring.filter((i) => i < fields.bring).reduce((mask, i) => mask | (1 << i), 0)],
    ['expires', Math.max(0, Math.min(2 ** fields.expires - 1, expiresDay))],
    ['history', content.history.slice(-historySteps).reduce((h, o) => h * 4 + (o === null ? 0 : stepOutcomes.indexOf(o) + 1), 0)],
    ['nonce', randomInt(2 ** fields.nonce)],
  ];
  let payload = 0n;
  for (const [name, value] of values) payload = (payload << BigInt(fields[name])) | BigInt(value);
  let number = (payload << tagBits) | tag(key, payload);
  let code = '';
  for (let i = 0; i < ticketLength; i++) {
    code = (ticketAlphabet[Number(number % base)] as string) + code;
    number /= base;
  }
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * A ticket's link: what joins the accompaniment that gave it to the one it resumes, on any kiosk of the site, in the
 * figures. A keyed fingerprint of the code (64 bits), so the journal and the exports never hold a code that works.
 */
export function ticketLink(key: Buffer, code: string): string {
  const cleaned = code.toUpperCase().replace(/[\s-]/g, '');
  return createHmac('sha256', key).update(`accompaniment-link:${cleaned}`).digest('hex').slice(0, 16);
}

/** What a typed code says once its tag is checked, or why not; `journeyOf` finds the journey of a 10-bit mark. */
export function decodeTicket(
  key: Buffer,
  typed: string,
  journeyOf: (mark: number) => { id: string; steps: number } | null,
): (Omit<TicketContent, 'history'> & { history: readonly (StepOutcome | null)[] }) | 'invalid' | 'unknown' {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== ticketLength || [...cleaned].some((c) => !ticketAlphabet.includes(c))) return 'invalid';
  let number = 0n;
  for (const c of cleaned) number = number * base + BigInt(ticketAlphabet.indexOf(c));
  const payload = number >> tagBits;
  const expected = Buffer.from(tag(key, payload).toString(16).padStart(9, '0'));
  const given = Buffer.from((number & ((1n << tagBits) - 1n)).toString(16).padStart(9, '0'));
  if (!timingSafeEqual(expected, given)) return 'unknown';
  const read: Record<string, number> = {};
  let rest = payload;
  for (const name of (Object.keys(fields) as (keyof typeof fields)[]).reverse()) {
    read[name] = Number(rest & ((1n << BigInt(fields[name])) - 1n));
    rest >>= BigInt(fields[name]);
  }
  const journey = journeyOf(read.journey ?? 0);
  const step = read.step ?? 0;
  if (read.version !== 0 || !journey || step >= journey.steps) return 'unknown';
  const history: (StepOutcome | null)[] = [];
  for (let i = 0, h = read.history ?? 0; i < Math.min(historySteps, step); i++, h = Math.floor(h / 4))
    history.unshift(h % 4 === 0 ? null : (stepOutcomes[(h % 4) - 1] as StepOutcome));
  return {
    journey: journey.id,
    step,
    reason: read.reason ? (blockedReasons[read.reason - 1] ?? null) : null,
    wait: read.wait ? (waitKinds[read.wait - 1] ?? null) : null,
    bring: [0, 1, 2, 3, 4].filter((i) => ((read.bring ?? 0) >> i) & 1),
    expires: new Date(epoch + (read.expires ?? 0) * dayMs).toISOString().slice(0, 10),
    history,
  };
}
