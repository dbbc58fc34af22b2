// A journal written by the code before typed events (tests/fixtures/journal-v3/state.db, every event kind, made by
// the journal of commit e93a92f) keeps its bytes and hashes, verifies, decodes to typed events and gives the same
// figures through the decoded view.
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityFigures } from '../../main/assisted/activity';
import { createMemoryLogger } from '../../main/core/log';
import { createJournal } from '../../main/journal/journal';
import { openStateDb } from '../../main/state/state-db';
import { useTempDir } from './temp-dir';
import { buildIfStale } from '../../build/scripts/build';

const tempDir = useTempDir();
const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'journal-v3', 'state.db');

function rawRows(file: string) {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT id, at, event, accompaniment, journey, step, detail, prev_hash, hash FROM journal ORDER BY id').all();
  db.close();
  return rows;
}

describe('a journal written before typed events', () => {
  it('keeps every row and hash through the new migration, and verifies', () => {
    const dir = tempDir();
    const file = join(dir, 'state.db');
    copyFileSync(fixture, file);
    const before = rawRows(file);
    expect(before).toHaveLength(21);
    const { db, status } = openStateDb(file, createMemoryLogger());
    expect(status.schemaVersion).toBeGreaterThanOrEqual(4);
    const journal = createJournal(db);
    expect(journal.verify()).toEqual({ ok: true, rows: 21 });
    db.close();
    expect(rawRows(file)).toEqual(before);
  });

  it('decodes each row to its typed event, with the detail named for what it is', () => {
    const dir = tempDir();
    copyFileSync(fixture, join(dir, 'state.db'));
    const { db } = openStateDb(join(dir, 'state.db'), createMemoryLogger());
    const events = createJournal(db)
      .events()
      .map((row) => row.event);
    expect(events).not.toContain(null);
    expect(events).toContainEqual({ event: 'admin.action', action: 'mediator.created' });
    expect(events).toContainEqual({ event: 'mediator.unlock', role: 'volunteer' });
    expect(events).toContainEqual({ event: 'mediator.lock', cause: 'idle' });
    expect(events).toContainEqual({
      event: 'step.blocked',
      accompaniment: 'fixtureAcc000001',
      journey: 'activer-mon-espace-sante',
      step: 'code',
      reason: 'sms-not-received',
    });
    expect(events).toContainEqual({
      event: 'step.skipped',
      accompaniment: 'fixtureAcc000001',
      journey: 'activer-mon-espace-sante',
      step: 'lire-la-lettre',
      by: 'mediator',
    });
    expect(events).toContainEqual({
      event: 'print',
      accompaniment: 'fixtureAcc000002',
      journey: 'activer-mon-espace-sante',
      what: 'summary',
    });
    expect(events).toContainEqual({ event: 'ticket.used', journey: 'activer-mon-espace-sante', step: 'code' });
    // The figures read the decoded view: two accompaniments, one blocked at the SMS code.
    const figures = activityFigures(db);
    expect(figures.activity.map((row) => [row.outcome, row.accompaniments])).toEqual([
      ['blocked', 1],
      ['done', 1],
    ]);
    expect(figures.stuck).toEqual([
      { day: '2026-11-20', journey: 'activer-mon-espace-sante', step: 'code', reason: 'sms-not-received', count: 1 },
    ]);
    db.close();
  });

  it("passes `journal-verify` run by the installed kiosk's own entry point, with no developer tools", async () => {
    await buildIfStale({ quiet: true });
    const dir = tempDir();
    copyFileSync(fixture, join(dir, 'state.db'));
    const run = spawnSync(process.execPath, [join(root, 'dist', 'main', 'start.cjs'), 'journal-verify', `--data-dir=${dir}`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stdout).toContain('Journal ok: 21 rows');
    expect(run.status).toBe(0);
    // A row changed by hand is found by the same command.
    const db = new Database(join(dir, 'state.db'));
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare("UPDATE journal SET detail = 'done' WHERE event = 'accompaniment.end' AND detail = 'blocked'").run();
    db.close();
    const broken = spawnSync(process.execPath, [join(root, 'dist', 'main', 'start.cjs'), 'journal-verify', `--data-dir=${dir}`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(broken.stdout).toContain('Journal broken at row');
    expect(broken.status).toBe(1);
  }, 120_000);

  it('passes `npm run journal:verify` on the kiosk data folder', () => {
    const dir = tempDir();
    copyFileSync(fixture, join(dir, 'state.db'));
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--import', './build/scripts/sql-text-loader.mjs', 'build/scripts/journal-verify.ts', `--data-dir=${dir}`],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out).toContain('Journal ok: 21 rows');
  });
});
