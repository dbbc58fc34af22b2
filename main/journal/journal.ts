// The journal of accompaniments: append-only (triggers refuse UPDATE and DELETE), each row chained to the previous
// one by SHA-256, so a changed, removed or inserted row is found by verify(). It records what happened, never who
// the visitor is or what anyone typed. Retention turns old rows into day totals and removes them, moving the anchor.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { decodeEvent, encodeEvent, type EncodedEvent, type JournalEvent } from './events';
import { isoNow, systemClock, type Clock } from '../core/clock';

export type { JournalEvent } from './events';

export interface JournalRow extends EncodedEvent {
  readonly id: number;
  readonly at: string;
  readonly prev_hash: string;
  readonly hash: string;
}

export type Verification =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly rows: number; readonly firstBrokenId: number; readonly reason: string };

const genesis = '0'.repeat(64);

export function rowHash(prev: string, row: Omit<JournalRow, 'prev_hash' | 'hash'>): string {
  const fields = [prev, row.id, row.at, row.event, row.accompaniment, row.journey, row.step, row.detail];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export function createJournal(db: Database.Database, now: Clock = systemClock) {
  const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1');
  const anchor = db.prepare<[], { last_removed_id: number; hash: string }>('SELECT last_removed_id, hash FROM journal_anchor WHERE id = 1');
  const insert = db.prepare(
    'INSERT INTO journal (id, at, event, accompaniment, journey, step, detail, prev_hash, hash) VALUES (@id, @at, @event, @accompaniment, @journey, @step, @detail, @prev_hash, @hash)',
  );
  const all = db.prepare<[], JournalRow>('SELECT * FROM journal ORDER BY id');

  const head = (): { id: number; hash: string } => {
    const row = last.get();
    if (row) return row;
    const a = anchor.get();
    return a ? { id: a.last_removed_id, hash: a.hash } : { id: 0, hash: genesis };
  };

  const append = db.transaction((event: JournalEvent): JournalRow => {
    const previous = head();
    const base = { id: previous.id + 1, at: isoNow(now), ...encodeEvent(event) };
    const row = { ...base, prev_hash: previous.hash, hash: rowHash(previous.hash, base) };
    insert.run(row);
    return row;
  });

  /** Walks the chain from the anchor (or the start) and reports the first row that does not fit. */
  const verify = (): Verification => {
    const a = anchor.get();
    let expected = { id: (a?.last_removed_id ?? 0) + 1, prev: a?.hash ?? genesis };
    let rows = 0;
    for (const row of all.iterate()) {
      if (row.id !== expected.id) return { ok: false, rows, firstBrokenId: row.id, reason: `row ${expected.id} is missing` };
      if (row.prev_hash !== expected.prev)
        return { ok: false, rows, firstBrokenId: row.id, reason: 'it does not follow the row before it' };
      if (rowHash(row.prev_hash, row) !== row.hash) return { ok: false, rows, firstBrokenId: row.id, reason: 'its content was changed' };
      expected = { id: row.id + 1, prev: row.hash };
      rows += 1;
    }
    return { ok: true, rows };
  };

  return {
    append: (event: JournalEvent) => append(event),
    verify,
    rows: () => all.all(),
    /** The rows as typed events, with their id and time; a row no event fits comes back as null. */
    events: () => all.all().map((row) => ({ id: row.id, at: row.at, event: decodeEvent(row) })),
  };
}

export type Journal = ReturnType<typeof createJournal>;
