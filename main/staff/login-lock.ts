// Slows down guessing of a secret (the admin passphrase, each mediator's PIN): after the free failures, each
// further failure locks the subject for a doubling delay. Kept in the state DB: restarting the kiosk resets nothing.
import type Database from 'better-sqlite3';
import { lockDelaySeconds, lockPolicy } from './secrets';

export type LockAnswer =
  { readonly outcome: 'wrong'; readonly attemptsBeforeLock: number } | { readonly outcome: 'locked'; readonly retryAfterSeconds: number };

export function createLoginLock(db: Database.Database, now: () => number) {
  const row = db.prepare<[string], { failures: number; locked_until: number }>(
    'SELECT failures, locked_until FROM login_lock WHERE subject = ?',
  );
  const save = db.prepare<[string, number, number]>(
    'INSERT INTO login_lock (subject, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
  );
  const remove = db.prepare<[string]>('DELETE FROM login_lock WHERE subject = ?');
  return {
    /** The lock in force for this subject, or null when it may try. */
    lockedFor(subject: string): LockAnswer | null {
      const lock = row.get(subject);
      return lock && lock.locked_until > now()
        ? { outcome: 'locked', retryAfterSeconds: Math.ceil((lock.locked_until - now()) / 1000) }
        : null;
    },
    /** Counts a failure (read again: another attempt may have failed meanwhile) and says what follows. */
    failed(subject: string): LockAnswer {
      const failures = (row.get(subject)?.failures ?? 0) + 1;
      const delay = lockDelaySeconds(failures);
      save.run(subject, failures, delay > 0 ? now() + delay * 1000 : 0);
      return delay > 0
        ? { outcome: 'locked', retryAfterSeconds: delay }
        : { outcome: 'wrong', attemptsBeforeLock: lockPolicy.free + 1 - failures };
    },
    succeeded(subject: string): void {
      remove.run(subject);
    },
  };
}
