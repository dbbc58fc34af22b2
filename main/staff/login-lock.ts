// Slows down, then stops, guessing of a secret (the admin passphrase, each mediator's PIN). An attempt is counted
// as a failure, with its lock, before the secret is verified: guesses sent together cannot all slip through while
// scrypt runs. One verification per subject at a time (others queue). Kept in the state DB: restarting the kiosk
// resets nothing.
import type Database from 'better-sqlite3';
import { lockDelaySeconds, lockPolicy } from './secrets';
import { type Clock } from '../core/clock';

export type LockAnswer =
  | { readonly outcome: 'wrong'; readonly attemptsBeforeLock: number }
  | { readonly outcome: 'locked'; readonly retryAfterSeconds: number }
  | { readonly outcome: 'blocked' };

/** An attempt that may go on to verify the secret: it already counts as a failure until `succeeded`. */
export interface Attempt {
  succeeded(): void;
  failed(): LockAnswer;
}

export function createLoginLock(db: Database.Database, now: Clock, blockAfter: number) {
  const row = db.prepare<[string], { failures: number; locked_until: number }>(
    'SELECT failures, locked_until FROM login_lock WHERE subject = ?',
  );
  const save = db.prepare<[string, number, number]>(
    'INSERT INTO login_lock (subject, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
  );
  const remove = db.prepare<[string]>('DELETE FROM login_lock WHERE subject = ?');
  /** Subjects whose secret is being verified right now. */
  const verifying = new Set<string>();
  /** The end of each subject's queue of attempts. */
  const queues = new Map<string, Promise<void>>();

  const answerFor = (failures: number): LockAnswer => {
    if (failures >= blockAfter) return { outcome: 'blocked' };
    const delay = lockDelaySeconds(failures);
    return delay > 0
      ? { outcome: 'locked', retryAfterSeconds: delay }
      : { outcome: 'wrong', attemptsBeforeLock: lockPolicy.free + 1 - failures };
  };

  return {
    /** The lock in force for this subject, or null when it may try. */
    lockedFor(subject: string): LockAnswer | null {
      const lock = row.get(subject);
      if (!lock) return null;
      if (lock.failures >= blockAfter) return { outcome: 'blocked' };
      return lock.locked_until > now() ? { outcome: 'locked', retryAfterSeconds: Math.ceil((lock.locked_until - now()) / 1000) } : null;
    },
    /**
     * Starts an attempt, synchronously: the failure and its lock are written now, before any verification, and
     * undone only by `succeeded`. While another attempt on the subject is verifying, answers locked for a second
     * (`attempt` queues instead).
     */
    begin(subject: string): Attempt | LockAnswer {
      const current = this.lockedFor(subject);
      if (current) return current;
      if (verifying.has(subject)) return { outcome: 'locked', retryAfterSeconds: 1 };
      const failures = (row.get(subject)?.failures ?? 0) + 1;
      const delay = lockDelaySeconds(failures);
      save.run(subject, failures, delay > 0 ? now() + delay * 1000 : 0);
      verifying.add(subject);
      return {
        succeeded: () => {
          verifying.delete(subject);
          remove.run(subject);
        },
        failed: () => {
          verifying.delete(subject);
          return answerFor(failures);
        },
      };
    },
    /**
     * One whole attempt: `check` verifies the secret only once the attempt is counted. Attempts on one subject run one
     * after the other (a burst queues, then meets the lock its first failures set); other subjects are not held up.
     */
    attempt(subject: string, check: () => Promise<boolean>): Promise<{ readonly outcome: 'ok' } | LockAnswer> {
      const previous = queues.get(subject) ?? Promise.resolve();
      const mine = previous.then(() => this.attemptNow(subject, check));
      const tail = mine.then(
        () => undefined,
        () => undefined,
      );
      queues.set(subject, tail);
      // The last one in the queue cleans up after itself.
      void tail.then(() => {
        if (queues.get(subject) === tail) queues.delete(subject);
      });
      return mine;
    },
    async attemptNow(subject: string, check: () => Promise<boolean>): Promise<{ readonly outcome: 'ok' } | LockAnswer> {
      const attempt = this.begin(subject);
      if (!isAttempt(attempt)) return attempt;
      let right: boolean;
      try {
        right = await check();
      } catch (error) {
        attempt.failed();
        throw error;
      }
      if (!right) return attempt.failed();
      attempt.succeeded();
      return { outcome: 'ok' };
    },
    blocked(subject: string): boolean {
      return (row.get(subject)?.failures ?? 0) >= blockAfter;
    },
    /** Clears the count: after a success, or when someone with more rights gave a new secret. */
    clear(subject: string): void {
      remove.run(subject);
    },
  };
}

export const isAttempt = (value: Attempt | LockAnswer): value is Attempt => 'succeeded' in value;
