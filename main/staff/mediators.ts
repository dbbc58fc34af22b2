// Mediator accounts (managed by the site's admin) and the unlock of assisted mode with a name and a PIN.
// PINs are scrypt hashes; failures lock an account with a growing delay, then block it until the admin gives a new
// PIN (see lockPolicy); unlock and lock go in the journal.
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../common/api/result';
import type { MediatorAccount, MediatorRole, MediatorUnlock } from '../../common/api/types';
import type { Sessions } from './sessions';
import { isUniqueViolation } from '../state/constraint';
import type { Logger } from '../core/log';
import type { Journal } from '../journal/journal';
import { createLoginLock } from './login-lock';
import { hashSecret, lockPolicy, verifySecret } from './secrets';
import { isoNow, systemClock, type Clock } from '../core/clock';

export interface MediatorServiceOptions {
  readonly db: Database.Database;
  readonly journal: Journal;
  readonly log: Logger;
  /** The staff sessions table: an unlock opens a mediator session there. */
  readonly sessions: Pick<Sessions, 'open' | 'close'>;
  readonly now?: Clock;
}

interface MediatorRow {
  id: number;
  display_name: string;
  role: MediatorRole;
  pin_hash: string;
  disabled: number;
}

export function createMediatorService(options: MediatorServiceOptions) {
  const { db, journal, log } = options;
  const now = options.now ?? systemClock;
  const lock = createLoginLock(db, now, lockPolicy.blockAfter.mediator);
  const { sessions } = options;

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

  const accounts = {
    /** Every account, for the admin. */
    list: (): MediatorAccount[] => all.all().map(account),
    async create(displayName: string, role: MediatorRole, pin: string): Promise<Result<{ id: number }, 'mediator.nameTaken'>> {
      const hash = await hashSecret(pin);
      try {
        const id = Number(insert.run(displayName, role, hash, isoNow(now)).lastInsertRowid);
        journal.append({ event: 'admin.action', action: 'mediator.created' });
        return ok({ id });
      } catch (error) {
        if (isUniqueViolation(error)) return fail('mediator.nameTaken');
        throw error;
      }
    },
    /** A new PIN, which also lifts a block; false when there is no such account. */
    async resetPin(id: number, pin: string): Promise<boolean> {
      if (!one.get(id)) return false;
      setPin.run(await hashSecret(pin), id);
      lock.clear(`mediator:${id}`);
      journal.append({ event: 'admin.action', action: 'mediator.reset' });
      return true;
    },
    /** Disables or enables an account; false when there is no such account. */
    setDisabled(id: number, disabled: boolean): boolean {
      if (!one.get(id)) return false;
      setDisabled.run(disabled ? 1 : 0, id);
      // A disabled mediator's open sessions end now.
      if (disabled) sessions.close((session) => session.kind === 'mediator' && session.mediatorId === id);
      journal.append({ event: 'admin.action', action: disabled ? 'mediator.disabled' : 'mediator.enabled' });
      return true;
    },
  };

  /** The names a mediator picks from to unlock: enabled accounts only. */
  const unlockable = () =>
    all
      .all()
      .filter((row) => row.disabled === 0)
      .map((row) => ({ id: row.id, displayName: row.display_name }));

  const unlock = async (id: number, pin: string): Promise<Result<MediatorUnlock, 'mediator.notFound'>> => {
    const row = one.get(id);
    if (!row || row.disabled === 1) return fail('mediator.notFound');
    const answer = await lock.attempt(`mediator:${id}`, () => verifySecret(pin, row.pin_hash));
    if (answer.outcome !== 'ok') {
      // A refusal while locked checked nothing: not worth a line each (a burst would flood the log).
      if (answer.outcome !== 'locked') log.warn('mediator.unlock', { outcome: answer.outcome });
      return ok(answer);
    }
    const token = sessions.open({ kind: 'mediator', mediatorId: row.id, role: row.role, displayName: row.display_name });
    journal.append({ event: 'mediator.unlock', role: row.role });
    return ok({ outcome: 'ok' as const, token, displayName: row.display_name, role: row.role });
  };

  /** The mediator locks assisted mode: the session ends. */
  const lockSession = (token: string): void => {
    if (sessions.close((session) => session.token === token).length > 0) journal.append({ event: 'mediator.lock', cause: 'mediator' });
  };

  /** The visitor's visit ended: every mediator session on this kiosk ends with it. */
  const lockAll = (): void => {
    for (const _ of sessions.close((session) => session.kind === 'mediator'))
      journal.append({ event: 'mediator.lock', cause: 'visit-end' });
  };

  /** Ends one session now (it guessed resume-ticket codes): the mediator unlocks again, behind the PIN lock. */
  const end = (token: string): void => {
    if (sessions.close((session) => session.token === token).length > 0) journal.append({ event: 'mediator.lock', cause: 'tickets' });
  };

  return { accounts, unlockable, unlock, lock: lockSession, lockAll, end };
}

export type MediatorService = ReturnType<typeof createMediatorService>;
