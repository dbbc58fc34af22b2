// Opens the state database: pragmas, integrity check, migrations, and recovery from a corrupt file.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { StateDbStatus } from '../../common/api/types';
import type { Logger } from '../core/log';
import { migrations as knownMigrations, type Migration } from './migrations/index';

export interface OpenStateDbOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron's ABI). */
  readonly nativeBinding?: string;
  readonly migrations?: readonly Migration[];
  readonly now?: () => Date;
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
    return { db, status: { status: 'ok', schemaVersion: schemaVersion(db) } };
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const movedAsideTo = moveAside(file, (options.now ?? (() => new Date()))());
    log.error('stateDb.recovered', { reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown', movedAsideTo });
    const db = openChecked(file, migrations, options);
    return { db, status: { status: 'recovered', movedAsideTo, schemaVersion: schemaVersion(db) } };
  }
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
