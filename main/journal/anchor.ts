// A journal head written down outside the database (a CRA export, the admin's activity view, a printed slip): the
// number of rows ever written and the head hash, short enough to read and type back, and optionally a MAC made with
// the site's journal key, so that an anchor the kiosk never issued is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { JournalHeadText } from '../../common/api/types';

/** The hex digits of the head hash an anchor keeps: 64 bits, far beyond what re-chaining could match by chance. */
export const anchorHashDigits = 16;

export interface JournalHead {
  /** Rows ever written (the head row's id); 0 for a journal that never had a row. */
  readonly rows: number;
  /** The head row's full hash (64 hex digits), or a prefix of it read back from paper (16 hex digits at least). */
  readonly hash: string;
}

export interface Anchor extends JournalHead {
  readonly mac?: string;
}

export class AnchorFormatError extends Error {
  override readonly name = 'AnchorFormatError';
}

const shortHash = (hash: string): string => hash.slice(0, anchorHashDigits).toLowerCase();

/** The MAC of a head under the site's journal key (16 hex digits, over the short hash the paper carries). */
export function headMac(key: Buffer, head: JournalHead): string {
  return createHmac('sha256', key)
    .update(`passerelle-sante journal head ${head.rows}:${shortHash(head.hash)}`)
    .digest('hex')
    .slice(0, 16);
}

/** The MAC of a retention cut: rows up to `untilId` removed, `hash` being the last removed row's full hash. */
export function cutMac(key: Buffer, untilId: number, hash: string): string {
  return createHmac('sha256', key).update(`passerelle-sante journal retention ${untilId}:${hash}`).digest('hex').slice(0, 16);
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The anchor as a command argument: `rows:hash[:mac]`. */
export function formatAnchor(anchor: Anchor): string {
  return [String(anchor.rows), shortHash(anchor.hash), ...(anchor.mac ? [anchor.mac] : [])].join(':');
}

/** The anchor for people: "ligne 1234 · 3f2a 91c0 7be4 d215" (+ "· signé 1a2b 3c4d 5e6f 7a8b"). */
export function readableAnchor(anchor: Anchor): { rows: number; hash: string; mac: string | null } {
  const group = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;
  return { rows: anchor.rows, hash: group(shortHash(anchor.hash)), mac: anchor.mac ? group(anchor.mac) : null };
}

/** The head as the API gives it to people and screens: readable, and as `journal verify --anchor=` takes it. */
export function headText(anchor: Anchor): JournalHeadText {
  return { ...readableAnchor(anchor), anchor: formatAnchor(anchor) };
}

/** Reads `rows:hash[:mac]` as typed back from paper: spaces inside the hash and MAC are allowed. */
export function parseAnchor(text: string): Anchor {
  const parts = text.replace(/\s+/g, '').toLowerCase().split(':');
  const [rows, hash, mac, ...rest] = parts;
  if (rows === undefined || hash === undefined || rest.length > 0 || !/^(0|[1-9]\d{0,15})$/.test(rows))
    throw new AnchorFormatError(`"${text}" is not an anchor: write it as ROWS:HASH or ROWS:HASH:MAC, such as 1234:3f2a91c07be4d215`);
  if (!/^[0-9a-f]+$/.test(hash) || hash.length < anchorHashDigits || hash.length > 64)
    throw new AnchorFormatError(`the hash of "${text}" must be ${anchorHashDigits} to 64 hexadecimal digits`);
  if (mac !== undefined && !/^[0-9a-f]{16}$/.test(mac)) throw new AnchorFormatError(`the MAC of "${text}" must be 16 hexadecimal digits`);
  return { rows: Number(rows), hash, ...(mac !== undefined ? { mac } : {}) };
}

/** Whether a full hash is the one an anchor names (an anchor may keep only a prefix). */
export const hashMatches = (full: string, anchored: string): boolean => full.toLowerCase().startsWith(anchored.toLowerCase());
