// Mediator accounts (managed by the site's admin) and the unlock of assisted mode with a name and a PIN.
// PINs are scrypt hashes; five failures lock an account with a growing delay; unlock and lock go in the journal.
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../api/contract';
import { fail, ok } from '../api/result';
import type { MediatorAccount, MediatorRole } from '../api/types';
import type { Logger } from '../log';
import type { Journal } from './journal';
import { createLoginLock } from './login-lock';
import { hashSecret, verifySecret } from './secrets';

export interface MediatorServiceOptions {
  readonly db: Database.Database;
  readonly journal: Journal;
  readonly log: Logger;
  /** True for a live admin session. */
  readonly isAdmin: (token: string) => boolean;
  readonly now?: () => number;
  /** Assisted mode ends after this long without a call (default 15 minutes). */
  readonly sessionIdleMs?: number;
}

interface MediatorRow {
  id: number;
  display_name: string;
  role: MediatorRole;
  pin_hash: string;
  disabled: number;
}

export interface MediatorSession {
  readonly mediatorId: number;
  readonly role: MediatorRole;
  readonly displayName: string;
}

export function createMediatorService(options: MediatorServiceOptions) {
  const { db, journal, log } = options;
  const now = options.now ?? Date.now;
  const idleMs = options.sessionIdleMs ?? 15 * 60_000;
  const lock = createLoginLock(db, now);
  const sessions = new Map<string, MediatorSession & { last: number }>();

  const all = db.prepare<[], MediatorRow>('SELECT * FROM mediator ORDER BY display_name');
  const one = db.prepare<[number], MediatorRow>('SELECT * FROM mediator WHERE id = ?');
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT INTO mediator (display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const setPin = db.prepare<[string, number]>('UPDATE mediator SET pin_hash = ? WHERE id = ?');
  const setDisabled = db.prepare<[number, number]>('UPDATE mediator SET disabled = ? WHERE id = ?');

  const account = (row: MediatorRow): MediatorAccount => ({
    id: row.id,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
  });

  /** The mediator behind a live session; each use keeps it alive. */
  const session = (token: string): MediatorSession | null => {
    const found = sessions.get(token);
    if (!found) return null;
    if (now() - found.last > idleMs) {
      sessions.delete(token);
      journal.append({ event: 'mediator.lock', detail: 'idle' });
      return null;
    }
    found.last = now();
    return found;
  };

  const handlers = {
    'admin.mediators': ({ token }) => (options.isAdmin(token) ? ok(all.all().map(account)) : fail('admin.unauthorised')),
    'admin.mediatorCreate': async ({ token, displayName, role, pin }) => {
      if (!options.isAdmin(token)) return fail('admin.unauthorised');
      const hash = await hashSecret(pin);
      try {
        const id = Number(insert.run(displayName, role, hash, new Date(now()).toISOString()).lastInsertRowid);
        journal.append({ event: 'admin.action', detail: 'mediator.created' });
        return ok({ id });
      } catch (error) {
        if (error instanceof Error && /UNIQUE/.test(error.message)) return fail('mediator.nameTaken');
        throw error;
      }
    },
    'admin.mediatorReset': async ({ token, id, pin }) => {
      if (!options.isAdmin(token)) return fail('admin.unauthorised');
      if (!one.get(id)) return fail('mediator.notFound');
      setPin.run(await hashSecret(pin), id);
      lock.succeeded(`mediator:${id}`);
      journal.append({ event: 'admin.action', detail: 'mediator.reset' });
      return ok({ reset: true as const });
    },
    'admin.mediatorDisable': ({ token, id, disabled }) => {
      if (!options.isAdmin(token)) return fail('admin.unauthorised');
      if (!one.get(id)) return fail('mediator.notFound');
      setDisabled.run(disabled ? 1 : 0, id);
      // A disabled mediator's open sessions end now.
      if (disabled) for (const [key, s] of sessions) if (s.mediatorId === id) sessions.delete(key);
      journal.append({ event: 'admin.action', detail: disabled ? 'mediator.disabled' : 'mediator.enabled' });
      return ok({ disabled });
    },
    'mediator.list': () =>
      ok(
        all
          .all()
          .filter((row) => row.disabled === 0)
          .map((row) => ({ id: row.id, displayName: row.display_name })),
      ),
    'mediator.unlock': async ({ id, pin }) => {
      const row = one.get(id);
      if (!row || row.disabled === 1) return fail('mediator.notFound');
      const subject = `mediator:${id}`;
      const locked = lock.lockedFor(subject);
      if (locked) return ok(locked);
      if (!(await verifySecret(pin, row.pin_hash))) {
        const answer = lock.failed(subject);
        log.warn('mediator.unlock', { outcome: answer.outcome });
        return ok(answer);
      }
      lock.succeeded(subject);
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, { mediatorId: row.id, role: row.role, displayName: row.display_name, last: now() });
      journal.append({ event: 'mediator.unlock', detail: row.role });
      return ok({ outcome: 'ok' as const, token, displayName: row.display_name, role: row.role });
    },
    'mediator.keepAlive': ({ token }) => (session(token) ? ok({ alive: true as const }) : fail('mediator.locked')),
    'mediator.lock': ({ token }) => {
      if (sessions.delete(token)) journal.append({ event: 'mediator.lock', detail: 'mediator' });
      return ok({ locked: true as const });
    },
  } satisfies Pick<
    Handlers,
    | 'admin.mediators'
    | 'admin.mediatorCreate'
    | 'admin.mediatorReset'
    | 'admin.mediatorDisable'
    | 'mediator.list'
    | 'mediator.unlock'
    | 'mediator.lock'
    | 'mediator.keepAlive'
  >;

  /** The visitor's visit ended: every mediator session on this kiosk ends with it. */
  const lockAll = (): void => {
    for (const token of [...sessions.keys()]) {
      sessions.delete(token);
      journal.append({ event: 'mediator.lock', detail: 'visit-end' });
    }
  };

  return { handlers, session, lockAll };
}
