// Operational events of the kiosk (recoveries, renderer problems) kept in the state DB for the admin.
import type Database from 'better-sqlite3';

export function createKioskEvents(db: Database.Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<[string, string, string]>('INSERT INTO kiosk_event (at, kind, detail) VALUES (?, ?, ?)');
  return {
    record(kind: string, detail = ''): void {
      insert.run(now().toISOString(), kind, detail);
    },
  };
}

export type KioskEvents = ReturnType<typeof createKioskEvents>;
