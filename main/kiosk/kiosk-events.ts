// Operational events of the kiosk (recoveries, renderer problems) kept in the state DB for the admin. Events that
// an unauthenticated call can write (a renderer problem) are bounded: a few a minute, a capped number of rows, a
// month at most, and their time kept to the minute.
import type Database from 'better-sqlite3';
import { isoNow, systemClock, type Clock } from '../core/clock';

export const visitorEventBounds = { perMinute: 10, maxRows: 500, keepDays: 30 } as const;

export function createKioskEvents(db: Database.Database, now: Clock = systemClock) {
  const insert = db.prepare<[string, string, string]>('INSERT INTO kiosk_event (at, kind, detail) VALUES (?, ?, ?)');
  const purgeOld = db.prepare<[string, string]>('DELETE FROM kiosk_event WHERE kind = ? AND at < ?');
  const trim = db.prepare<[string, string, number]>(
    'DELETE FROM kiosk_event WHERE kind = ? AND id NOT IN (SELECT id FROM kiosk_event WHERE kind = ? ORDER BY id DESC LIMIT ?)',
  );
  let minute = '';
  let inMinute = 0;
  return {
    /** An event of the kiosk itself. */
    record(kind: string, detail = ''): void {
      insert.run(isoNow(now), kind, detail);
    },
    /** An event a visitor's page reported: false when dropped (too many this minute). */
    fromVisitor(kind: string, detail: string): boolean {
      const at = isoNow(now).slice(0, 16);
      if (at !== minute) {
        minute = at;
        inMinute = 0;
      }
      if (inMinute >= visitorEventBounds.perMinute) return false;
      inMinute += 1;
      db.transaction(() => {
        insert.run(at, kind, detail);
        purgeOld.run(kind, new Date(now() - visitorEventBounds.keepDays * 86_400_000).toISOString().slice(0, 16));
        trim.run(kind, kind, visitorEventBounds.maxRows);
      })();
      return true;
    },
  };
}

export type KioskEvents = ReturnType<typeof createKioskEvents>;
