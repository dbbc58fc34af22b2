import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb, StateDbTooNewError } from '../../main/state/state-db';
import { migrations } from '../../main/state/migrations/index';

/** The schema version a fresh database reaches: the last migration's. */
const latest = migrations.at(-1)?.version ?? 0;
import { createMemoryLogger } from '../../main/core/log';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

describe('state database', () => {
  it('opens in WAL mode with foreign keys, and applies every migration', () => {
    const file = join(tempDir(), 'state.db');
    const { db, status } = openStateDb(file, createMemoryLogger());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(status).toEqual({ status: 'ok', schemaVersion: latest, lastRecovery: null });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'activity_day',
      'admin_secret',
      'journal',
      'journal_anchor',
      'journal_cut_before_007',
      'journal_retention',
      'kiosk_event',
      'login_lock',
      'mediator',
      'resume_ticket',
      'setting',
      'state_recovery',
      'stuck_day',
      'used_ticket',
    ]);
    db.close();
  });

  it('lists every migration file of the folder, in order', () => {
    const files = readdirSync(join(import.meta.dirname, '../../main/state/migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(migrations.map((m) => `${m.name}.sql`)).toEqual(files);
    // Each migration's version is its file's number (branches of the work may leave a number to another one).
    expect(migrations.map((m) => m.version)).toEqual(files.map((f) => Number(f.slice(0, 3))));
  });

  it('keeps rows across a reopen and does not apply a migration twice', () => {
    const file = join(tempDir(), 'state.db');
    const first = openStateDb(file, createMemoryLogger());
    first.db.prepare("INSERT INTO setting VALUES ('k', 'v', 'now')").run();
    first.db.close();
    const second = openStateDb(file, createMemoryLogger());
    expect(second.db.prepare('SELECT value FROM setting').pluck().get()).toBe('v');
    second.db.close();
  });

  it('rolls a failing migration back whole, leaving the version unchanged', () => {
    const file = join(tempDir(), 'state.db');
    const broken = [
      ...migrations,
      { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => openStateDb(file, createMemoryLogger(), { migrations: broken })).toThrow(/no such table: nowhere/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('moves a corrupt file aside with a timestamp, starts fresh and logs it', () => {
    const dir = tempDir();
    const file = join(dir, 'state.db');
    writeFileSync(file, 'this is not a database, it is a torn write '.repeat(200));
    const log = createMemoryLogger();
    const { db, status } = openStateDb(file, log, { now: () => Date.parse('2026-11-23T10:00:00.000Z') });
    expect(status).toEqual({
      status: 'recovered',
      movedAsideTo: 'state.db.corrupt-2026-11-23T10-00-00-000Z',
      schemaVersion: latest,
      // Not a database at all: nothing could be counted in it.
      lastRecovery: {
        day: '2026-11-23',
        movedAsideTo: 'state.db.corrupt-2026-11-23T10-00-00-000Z',
        lost: { adminPassphrase: null, mediators: null, journalRows: null, resumeTickets: null },
      },
    });
    expect(readFileSync(join(dir, 'state.db.corrupt-2026-11-23T10-00-00-000Z'), 'utf8')).toContain('torn write');
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', event: 'stateDb.recovered' }));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('recovers a database whose pages were damaged after it was written', () => {
    const dir = tempDir();
    const file = join(dir, 'state.db');
    const { db } = openStateDb(file, createMemoryLogger());
    const insert = db.prepare("INSERT INTO kiosk_event (at, kind, detail) VALUES ('t', 'k', ?)");
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 * 2, 4096 * 4); // overwrite pages 3 and 4 in the middle of the table
    writeFileSync(file, bytes);
    const reopened = openStateDb(file, createMemoryLogger());
    expect(reopened.status.status).toBe('recovered');
    expect(existsSync(join(dir, reopened.status.movedAsideTo ?? 'none'))).toBe(true);
    reopened.db.close();
  });

  it('refuses, without touching it, a database written by a newer version of the app', () => {
    const file = join(tempDir(), 'state.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openStateDb(file, createMemoryLogger())).toThrow(StateDbTooNewError);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });
});
