// Which constraint a failed write broke, from SQLite's own extended result code (better-sqlite3's SqliteError.code),
// never from the wording of its message.
import Database from 'better-sqlite3';

export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
