// The accompaniment journal: append-only, hash-chained, verified (also by `npm run journal:verify`), and the
// retention that turns old rows into day totals without changing the figures or breaking the chain.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { activityFigures, applyRetention } from '../../main/assisted/activity';
import { createJournal } from '../../main/journal/journal';
import type { AccompanimentOutcome } from '../../common/api/types';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const root = join(import.meta.dirname, '..', '..');

function setUp() {
  const dir = tempDir();
  const { db } = openStateDb(join(dir, 'state.db'), createMemoryLogger());
  const clock = { now: new Date('2026-09-01T09:00:00Z') };
  const journal = createJournal(db, () => clock.now.getTime());
  const later = (minutes: number) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000));
  return { dir, db, clock, journal, later };
}

/** One accompaniment: start, consent, steps (one blocked), end with an outcome. */
function accompaniment(j: ReturnType<typeof createJournal>, later: (m: number) => void, id: string, outcome: AccompanimentOutcome) {
  const at = { accompaniment: id, journey: 'activer-mon-espace-sante' };
  j.append({ ...at, event: 'accompaniment.start', role: 'volunteer' });
  j.append({ ...at, event: 'consent.given' });
  later(5);
  j.append({ ...at, event: 'step.done', step: 'code', by: 'visitor' });
  j.append({ ...at, event: 'step.secret', step: 'code' });
  later(5);
  j.append({ ...at, event: 'step.blocked', step: 'sms', reason: 'sms-not-received' });
  later(10);
  j.append({ ...at, event: 'accompaniment.end', outcome });
}

const verifyScript = (dataDir: string) => {
  try {
    return {
      code: 0,
      out: execFileSync(
        process.execPath,
        ['--import', 'tsx', '--import', './build/scripts/sql-text-loader.mjs', 'build/scripts/journal-verify.ts', `--data-dir=${dataDir}`],
        { cwd: root, encoding: 'utf8' },
      ),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, out: failed.stdout };
  }
};

describe('journal', () => {
  it('chains every row to the one before and verifies the chain', () => {
    const { journal, later, db } = setUp();
    accompaniment(journal, later, 'a1', 'done');
    const rows = journal.rows();
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(journal.verify()).toEqual({ ok: true, rows: 6 });
    db.close();
  });

  it('refuses UPDATE and DELETE', () => {
    const { journal, later, db } = setUp();
    accompaniment(journal, later, 'a1', 'done');
    expect(() => db.prepare("UPDATE journal SET detail = 'other' WHERE id = 2").run()).toThrow('append-only');
    expect(() => db.prepare('DELETE FROM journal WHERE id = 2').run()).toThrow('append-only');
    db.close();
  });

  it('finds a changed row and a removed row, also with npm run journal:verify', () => {
    const { journal, later, db, dir } = setUp();
    accompaniment(journal, later, 'a1', 'done');
    db.close();
    const clean = verifyScript(dir);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^Journal ok: 6 rows, chain unbroken\.\nHead now: 6:[0-9a-f]{16}\n$/);

    // Someone with the file drops the triggers to change a row.
    const tamper = (sql: string) => {
      const { db: raw } = openStateDb(join(dir, 'state.db'), createMemoryLogger());
      raw.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
      raw.exec(sql);
      const result = createJournal(raw).verify();
      raw.close();
      return result;
    };
    expect(tamper("UPDATE journal SET detail = 'visitor-stopped' WHERE id = 5")).toEqual({
      ok: false,
      rows: 4,
      firstBrokenId: 5,
      reason: 'its content was changed',
      kind: 'changed',
    });
    const script = verifyScript(dir);
    expect(script.code).toBe(1);
    expect(script.out).toContain('Journal broken at row 5');
    expect(tamper("UPDATE journal SET detail = 'sms-not-received' WHERE id = 5; DELETE FROM journal WHERE id = 3")).toEqual({
      ok: false,
      rows: 2,
      firstBrokenId: 4,
      reason: 'row 3 is missing',
      kind: 'missing',
      since: 3,
    });
  });

  it('retention removes old accompaniments whole, keeps the figures and the chain', () => {
    const { journal, later, db, clock } = setUp();
    accompaniment(journal, later, 'old-1', 'done');
    accompaniment(journal, later, 'old-2', 'blocked');
    clock.now = new Date('2026-10-20T09:00:00Z');
    // Open across the cut: started 31 days before "now" below and not finished then.
    journal.append({ event: 'accompaniment.start', accompaniment: 'spanning', journey: 'creer-compte-ameli', role: 'volunteer' });
    clock.now = new Date('2026-11-19T09:00:00Z');
    journal.append({ event: 'accompaniment.end', accompaniment: 'spanning', journey: 'creer-compte-ameli', outcome: 'done' });
    accompaniment(journal, later, 'recent', 'done');
    const before = activityFigures(db);
    expect(before.activity).toContainEqual({
      day: '2026-09-01',
      journey: 'activer-mon-espace-sante',
      outcome: 'done',
      accompaniments: 1,
      totalSeconds: 1200,
    });
    expect(before.stuck).toContainEqual({
      day: '2026-09-01',
      journey: 'activer-mon-espace-sante',
      step: 'sms',
      reason: 'sms-not-received',
      count: 2,
    });

    const result = applyRetention(db, 30, () => Date.parse('2026-11-20T00:00:00Z'));
    expect(result.removed).toBe(12);
    expect(activityFigures(db)).toEqual(before);
    const left = journal.rows();
    expect(left[0]?.accompaniment).toBe('spanning');
    expect(journal.verify()).toEqual({ ok: true, rows: left.length });
    // The chain goes on after retention.
    journal.append({ event: 'admin.action', action: 'mediator.created' });
    expect(journal.verify().ok).toBe(true);
    // And rows below the anchor cannot come back unnoticed: the first row must follow the anchor.
    db.exec('DROP TRIGGER journal_no_delete');
    db.prepare('DELETE FROM journal WHERE id = ?').run(left[0]?.id);
    expect(journal.verify()).toMatchObject({ ok: false, reason: `row ${left[0]?.id} is missing` });
    db.close();
  });
});
