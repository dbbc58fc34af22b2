// Opens the state database: pragmas, integrity check, migrations, and recovery from a corrupt file.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { StateDbStatus, StateRecovery } from '../../common/api/types';
import type { Logger } from '../core/log';
import { migrations as knownMigrations, type Migration } from './migrations/index';
import { systemClock, type Clock } from '../core/clock';

export interface OpenStateDbOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron's ABI). */
  readonly nativeBinding?: string;
  readonly migrations?: readonly Migration[];
  readonly now?: Clock;
}

export interface OpenedStateDb {
  readonly db: Database.Database;
  readonly status: StateDbStatus;
}

/** The file holds a database written by a newer version of the app: it is kept, not overwritten. */
export class StateDbTooNewError extends Error {
  override readonly name = 'StateDbTooNewError';
}

class StateDbCorruptError extends Error {
  override readonly name = 'StateDbCorruptError';
}

export function openStateDb(file: string, log: Logger, options: OpenStateDbOptions = {}): OpenedStateDb {
  mkdirSync(dirname(file), { recursive: true });
  const migrations = options.migrations ?? knownMigrations;
  try {
    const db = openChecked(file, migrations, options);
    return { db, status: { status: 'ok', schemaVersion: schemaVersion(db), lastRecovery: lastRecovery(db) } };
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const now = new Date((options.now ?? systemClock)());
    const movedAsideTo = moveAside(file, now);
    log.error('stateDb.recovered', { reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown', movedAsideTo });
    const lost = countLost(join(dirname(file), movedAsideTo), options.nativeBinding);
    const db = openChecked(file, migrations, options);
    if (hasRecoveryTable(db)) {
      db.prepare('INSERT INTO state_recovery (day, moved_aside_to, lost) VALUES (?, ?, ?)').run(
        now.toISOString().slice(0, 10),
        movedAsideTo,
        JSON.stringify(lost),
      );
    }
    return { db, status: { status: 'recovered', movedAsideTo, schemaVersion: schemaVersion(db), lastRecovery: lastRecovery(db) } };
  }
}

const hasRecoveryTable = (db: Database.Database): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'state_recovery'").get() !== undefined;

function lastRecovery(db: Database.Database): StateRecovery | null {
  if (!hasRecoveryTable(db)) return null;
  const row = db
    .prepare<[], { day: string; moved_aside_to: string; lost: string }>(
      'SELECT day, moved_aside_to, lost FROM state_recovery ORDER BY id DESC LIMIT 1',
    )
    .get();
  return row ? { day: row.day, movedAsideTo: row.moved_aside_to, lost: JSON.parse(row.lost) as StateRecovery['lost'] } : null;
}

/** What the moved-aside file still lets us count, table by table; null where it cannot be read. */
function countLost(file: string, nativeBinding: string | undefined): StateRecovery['lost'] {
  const lost = { adminPassphrase: null, mediators: null, journalRows: null, resumeTickets: null } as {
    -readonly [K in keyof StateRecovery['lost']]: StateRecovery['lost'][K];
  };
  let old: Database.Database | null = null;
  try {
    old = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const count = (table: string): number | null => {
      try {
        return Number(old?.prepare(`SELECT count(*) FROM ${table} NOT INDEXED`).pluck().get());
      } catch {
        return null;
      }
    };
    const admin = count('admin_secret');
    lost.adminPassphrase = admin === null ? null : admin > 0;
    lost.mediators = count('mediator');
    lost.journalRows = count('journal');
    lost.resumeTickets = count('resume_ticket');
  } catch {
    // Not even openable: every count stays unknown.
  } finally {
    old?.close();
  }
  return lost;
}

function openChecked(file: string, migrations: readonly Migration[], options: OpenStateDbOptions): Database.Database {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a committed transaction survives a power cut, not only a killed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new StateDbCorruptError(`integrity_check: ${String(integrity)}`);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StateDbTooNewError(`state DB schema ${current} is newer than this app knows (${latest}); update the app`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // Each migration and its version bump commit together, or not at all.
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${Number(migration.version)}`);
    })();
  }
}

const schemaVersion = (db: Database.Database): number => Number(db.pragma('user_version', { simple: true }));

const corruptionCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CANTOPEN_ISDIR']);

function isCorruption(error: unknown): boolean {
  if (error instanceof StateDbCorruptError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (corruptionCodes.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

/** Moves the database and its WAL and shared-memory files aside under one timestamped name. */
function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return basename(target);
}
