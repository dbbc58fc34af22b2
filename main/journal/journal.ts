// The journal of accompaniments: append-only (triggers refuse UPDATE and DELETE), each row chained to the previous
// one by SHA-256, so a changed, removed or inserted row is found by verify(). It records what happened, never who
// the visitor is or what anyone typed, at the minute (never finer: a printed slip must not point to its rows).
// Retention turns old rows into day totals and removes them through cut(), which first writes a chained (and, with
// the site's journal key, signed) 'journal.retention' row: the database refuses the removal without it (migration 007).
// checkAnchor() compares the journal with a head written down outside the database (anchor.ts).
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { JournalBreak, JournalVerdict } from '../../common/api/types';
import { cutMac, hashMatches, headMac, sameMac, type Anchor, type JournalHead } from './anchor';
import { decodeEvent, encodeEvent, type EncodedEvent, type JournalEvent } from './events';
import { systemClock, type Clock } from '../core/clock';

export type { JournalEvent } from './events';

export interface JournalRow extends EncodedEvent {
  readonly id: number;
  readonly at: string;
  readonly prev_hash: string;
  readonly hash: string;
}

export type Verification =
  | { readonly ok: true; readonly rows: number }
  | {
      readonly ok: false;
      readonly rows: number;
      readonly firstBrokenId: number;
      readonly reason: string;
      readonly kind?: JournalBreak;
      /** The first row that is wrong or gone (for a missing row: its id, where firstBrokenId is the row found instead). */
      readonly since?: number;
    };

export const genesis = '0'.repeat(64);

export function rowHash(prev: string, row: Omit<JournalRow, 'prev_hash' | 'hash'>): string {
  const fields = [prev, row.id, row.at, row.event, row.accompaniment, row.journey, row.step, row.detail];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** A time as the journal stores it: ISO, to the minute (seconds and milliseconds zero). */
export const journalTime = (at: Date): string => `${at.toISOString().slice(0, 16)}:00.000Z`;

export interface JournalOptions {
  /** The site's journal key (journal-key.ts): retention cuts are signed with it, and checked against it. */
  readonly key?: Buffer | null;
}

export function createJournal(db: Database.Database, now: Clock = systemClock, options: JournalOptions = {}) {
  const key = options.key ?? null;
  const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1');
  const cutRow = db.prepare<[], { last_removed_id: number; hash: string }>('SELECT last_removed_id, hash FROM journal_anchor WHERE id = 1');
  // A database not yet migrated to 007 (read by `journal verify` as it is) has only cuts made before records existed.
  const migrated = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal_cut_before_007'").get() !== undefined;
  const legacyCut = migrated
    ? db.prepare<[], { last_removed_id: number; hash: string }>('SELECT last_removed_id, hash FROM journal_cut_before_007 WHERE id = 1')
    : cutRow;
  const insert = db.prepare(
    'INSERT INTO journal (id, at, event, accompaniment, journey, step, detail, prev_hash, hash) VALUES (@id, @at, @event, @accompaniment, @journey, @step, @detail, @prev_hash, @hash)',
  );
  const all = db.prepare<[], JournalRow>('SELECT * FROM journal ORDER BY id');
  const after = db.prepare<[number], JournalRow>('SELECT * FROM journal WHERE id > ? ORDER BY id');
  const maxBelow = db.prepare<[number], number | null>('SELECT max(id) FROM journal WHERE id <= ?').pluck();
  const hashOf = db.prepare<[number], string>('SELECT hash FROM journal WHERE id = ?').pluck();
  const retentionRecords = db.prepare<[], { id: number; at: string; detail: string }>(
    "SELECT id, at, detail FROM journal WHERE event = 'journal.retention' ORDER BY id DESC",
  );

  /** Where the chain starts: after the last row retention removed, or from nothing. */
  const start = (): { id: number; hash: string } => {
    const cut = cutRow.get();
    return cut ? { id: cut.last_removed_id, hash: cut.hash } : { id: 0, hash: genesis };
  };

  const head = (): JournalHead => {
    const row = last.get();
    if (row) return { rows: row.id, hash: row.hash };
    const s = start();
    return { rows: s.id, hash: s.hash };
  };

  const append = db.transaction((event: JournalEvent): JournalRow => {
    const previous = head();
    const base = { id: previous.rows + 1, at: journalTime(new Date(now())), ...encodeEvent(event) };
    const row = { ...base, prev_hash: previous.hash, hash: rowHash(previous.hash, base) };
    insert.run(row);
    return row;
  });

  /** Removes the rows up to `untilId` (a prefix of the chain), after recording the cut in the chain itself. */
  const cut = db.transaction((untilId: number): number => {
    const lastHash = hashOf.get(untilId);
    if (lastHash === undefined) throw new Error('journal rows are missing below the retention cut');
    append({ event: 'journal.retention', cut: key ? `${untilId}:${cutMac(key, untilId, lastHash)}` : String(untilId) });
    db.prepare(
      'INSERT INTO journal_anchor (id, last_removed_id, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET last_removed_id = excluded.last_removed_id, hash = excluded.hash',
    ).run(untilId, lastHash);
    db.prepare('INSERT INTO journal_retention (id, until_id) VALUES (1, ?)').run(untilId);
    const removed = db.prepare('DELETE FROM journal WHERE id <= ?').run(untilId).changes;
    db.prepare('DELETE FROM journal_retention').run();
    return removed;
  });

  /** The chain from a known row (id, hash) to the end: each row in order, linked, and unchanged. */
  const walk = (from: { id: number; hash: string }, counted: number): Verification => {
    let expected = { id: from.id + 1, prev: from.hash };
    let rows = counted;
    for (const row of from.id === 0 ? all.iterate() : after.iterate(from.id)) {
      if (row.id !== expected.id)
        return { ok: false, rows, firstBrokenId: row.id, reason: `row ${expected.id} is missing`, kind: 'missing', since: expected.id };
      if (row.prev_hash !== expected.prev)
        return { ok: false, rows, firstBrokenId: row.id, reason: 'it does not follow the row before it', kind: 'out-of-order' };
      if (rowHash(row.prev_hash, row) !== row.hash)
        return { ok: false, rows, firstBrokenId: row.id, reason: 'its content was changed', kind: 'changed' };
      expected = { id: row.id + 1, prev: row.hash };
      rows += 1;
    }
    return { ok: true, rows };
  };

  /** The last retention cut, if any, has its record in the chain (signed when the site has a key). */
  const cutProblem = (): Verification | null => {
    const cutNow = cutRow.get();
    if (!cutNow) return null;
    // Retention removes every row up to its cut in one transaction: a row left below it was removed around by hand.
    const below = maxBelow.get(cutNow.last_removed_id);
    if (below !== null && below !== undefined)
      return {
        ok: false,
        rows: 0,
        firstBrokenId: Math.min(below + 1, cutNow.last_removed_id),
        reason: `rows up to ${cutNow.last_removed_id} were not removed together`,
        kind: 'missing',
      };
    const legacy = legacyCut.get();
    if (legacy && legacy.last_removed_id === cutNow.last_removed_id && legacy.hash === cutNow.hash) return null;
    const record = retentionRecords.all().find((r) => r.detail.split(':')[0] === String(cutNow.last_removed_id));
    const since = cutNow.last_removed_id;
    if (!record)
      return {
        ok: false,
        rows: 0,
        firstBrokenId: since,
        reason: `rows up to ${since} were removed without a retention record`,
        kind: 'cut-unrecorded',
      };
    const mac = record.detail.split(':')[1];
    if (key && (!mac || !sameMac(mac, cutMac(key, since, cutNow.hash))))
      return {
        ok: false,
        rows: 0,
        firstBrokenId: since,
        reason: `the retention record of row ${record.id} is not signed with this site's key`,
        kind: 'cut-not-signed',
      };
    return null;
  };

  /** Walks the chain from the last cut (or the start) and reports the first row that does not fit. */
  const verify = (): Verification => cutProblem() ?? walk(start(), 0);

  /** The day (YYYY-MM-DD) of the retention record of the cut at `untilId`, if it is still in the journal. */
  const cutDay = (untilId: number): string | null =>
    retentionRecords
      .all()
      .find((r) => r.detail.split(':')[0] === String(untilId))
      ?.at.slice(0, 10) ?? null;

  const broken = (failure: Extract<Verification, { ok: false }>): JournalVerdict => ({
    verdict: 'broken',
    since: failure.since ?? failure.firstBrokenId,
    reason: failure.kind ?? 'changed',
  });

  /** Where the anchored head stands in today's chain (the chain itself is checked by the caller). */
  const placeAnchor = (anchor: Anchor): JournalVerdict | null => {
    const now = head();
    const s = start();
    if (anchor.rows > now.rows) {
      const wiped = now.rows === 0 || last.get() === undefined;
      return { verdict: 'broken', since: wiped ? s.id + 1 : now.rows + 1, reason: wiped ? 'wiped' : 'truncated' };
    }
    if (anchor.rows < s.id) return { verdict: 'before-cut', cutRows: s.id, day: cutDay(s.id) };
    const hash = anchor.rows === 0 ? genesis : anchor.rows === s.id ? s.hash : hashOf.get(anchor.rows);
    if (hash === undefined) return { verdict: 'broken', since: anchor.rows, reason: 'missing' };
    if (!hashMatches(hash, anchor.hash)) return { verdict: 'broken', since: anchor.rows, reason: 'rechained' };
    // The anchored row itself went with a cut: its hash is kept, the rows it sealed are not.
    if (anchor.rows > 0 && anchor.rows === s.id) return { verdict: 'before-cut', cutRows: s.id, day: cutDay(s.id) };
    return null;
  };

  /**
   * The whole chain against a head written down before (an export, the admin's view, a slip): rows removed from the
   * end, a chain rebuilt from a forged row, or a wiped journal are all found, up to that head. `since` is the first
   * row that is wrong or gone (for a rebuilt chain: the anchored row, the forged one is at or before it).
   */
  const checkAnchor = (anchor: Anchor): JournalVerdict => {
    if (key && anchor.mac && !sameMac(anchor.mac, headMac(key, anchor)))
      return { verdict: 'broken', since: anchor.rows, reason: 'anchor-not-issued' };
    const chain = verify();
    if (!chain.ok && (chain.since ?? chain.firstBrokenId) <= anchor.rows) return broken(chain);
    const placed = placeAnchor(anchor);
    if (placed) return placed;
    if (!chain.ok) return broken(chain);
    return { verdict: 'intact', upTo: head().rows };
  };

  /**
   * Like checkAnchor, but walking only the rows after the anchor (the head verified at the last start, kept outside
   * the DB): rows before it were walked then, and any rebuilt chain changes the anchored row's hash.
   */
  const checkSince = (anchor: Anchor): JournalVerdict => {
    const problem = cutProblem();
    if (problem && !problem.ok) return broken(problem);
    const placed = placeAnchor(anchor);
    if (placed && placed.verdict !== 'before-cut') return placed;
    const from = placed ? start() : { id: anchor.rows, hash: anchor.rows === 0 ? genesis : (hashOf.get(anchor.rows) ?? start().hash) };
    const chain = walk(from, 0);
    return chain.ok ? { verdict: 'intact', upTo: head().rows } : broken(chain);
  };

  return {
    append: (event: JournalEvent) => append(event),
    cut: (untilId: number) => cut(untilId),
    head,
    verify,
    checkAnchor,
    checkSince,
    /** The head written down for people, signed when the site has a journal key. */
    anchor: (): Anchor => {
      const h = head();
      return key ? { ...h, mac: headMac(key, h) } : h;
    },
    rows: () => all.all(),
    /** The rows as typed events, with their id and time; a row no event fits comes back as null. */
    events: () => all.all().map((row) => ({ id: row.id, at: row.at, event: decodeEvent(row) })),
  };
}

export type Journal = ReturnType<typeof createJournal>;
