// The journal of accompaniments: append-only (triggers refuse UPDATE and DELETE), each row chained to the previous
// one by SHA-256, so a changed, removed or inserted row is found by verify(). It records what happened, never who
// the visitor is or what anyone typed. Retention turns old rows into day totals and removes them, moving the anchor.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export const journalEvents = [
  'mediator.unlock',
  'mediator.lock',
  'accompaniment.start',
  'accompaniment.end',
  'accompaniment.with',
  'accompaniment.resumes',
  'accompaniment.redirected',
  'consent.given',
  'step.done',
  'step.skipped',
  'step.blocked',
  'step.secret',
  'step.wait',
  'print',
  'ticket.created',
  'ticket.used',
  'admin.action',
] as const;
export type JournalEvent = (typeof journalEvents)[number];

export interface JournalEntry {
  readonly event: JournalEvent;
  /** A random id shared by the rows of one accompaniment; never derived from the visitor. */
  readonly accompaniment?: string | null;
  readonly journey?: string | null;
  readonly step?: string | null;
  /** A key from a closed list (an outcome, a blocked reason, a role, who did a step): never free text. */
  readonly detail?: string | null;
}

export interface JournalRow extends Required<{ [K in keyof JournalEntry]: NonNullable<JournalEntry[K]> | null }> {
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

export function createJournal(db: Database.Database, now: () => Date = () => new Date()) {
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

  const append = db.transaction((entry: JournalEntry): JournalRow => {
    const previous = head();
    const base = {
      id: previous.id + 1,
      at: now().toISOString(),
      event: entry.event,
      accompaniment: entry.accompaniment ?? null,
      journey: entry.journey ?? null,
      step: entry.step ?? null,
      detail: entry.detail ?? null,
    };
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

  return { append: (entry: JournalEntry) => append(entry), verify, rows: () => all.all() };
}

export type Journal = ReturnType<typeof createJournal>;
