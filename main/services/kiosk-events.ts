// Operational events of the kiosk (recoveries, renderer problems) kept in the state DB for the admin.
import type Database from 'better-sqlite3';

export interface KioskEvent {
  readonly at: string;
  readonly kind: string;
  readonly detail: string;
}

export function createKioskEvents(db: Database.Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<[string, string, string]>('INSERT INTO kiosk_event (at, kind, detail) VALUES (?, ?, ?)');
  const latest = db.prepare<[number], KioskEvent>('SELECT at, kind, detail FROM kiosk_event ORDER BY id DESC LIMIT ?');
  return {
    record(kind: string, detail = ''): void {
      insert.run(now().toISOString(), kind, detail);
    },
    latest(limit = 50): KioskEvent[] {
      return latest.all(limit);
    },
  };
}

export type KioskEvents = ReturnType<typeof createKioskEvents>;
