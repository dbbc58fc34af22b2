// The site admin: a passphrase chosen at first run with the one-time setup code from the kiosk's disk (stored as a
// scrypt hash), logins slowed down then blocked after failures (the setup code then sets a new passphrase),
// short-lived sessions held in memory only, and the admin views (content readability for now).
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../common/api/result';
import type { AdminLogin, AdminStatus, ContentItem, ItemReadability, Locale, NeedItems, StateRecovery } from '../../common/api/types';
import type { PackError } from '../../common/api/contract';
import { lineText, type InlineLine } from '../../common/content/inline-nodes';
import { pageReadability } from '../../common/content/readability';
import type { Logger } from '../core/log';
import { createLoginLock, isAttempt } from './login-lock';
import type { Sessions } from './sessions';
import { hashSecret, lockPolicy, verifySecret } from './secrets';
import type { SetupCode } from './setup-code';
import { isoNow, systemClock, type Clock } from '../core/clock';

/** What the readability view reads of the content pack (the content service provides it). */
export interface PackPages {
  needs(locale: Locale): Result<readonly NeedItems[], PackError>;
  item(locale: Locale, id: string): Result<ContentItem, PackError | 'content.notFound'>;
}

export interface AdminServiceOptions {
  readonly db: Database.Database;
  readonly content: PackPages;
  readonly log: Logger;
  /** The one-time code a first setup (or a new passphrase once the admin is blocked) must give. */
  readonly setupCode: SetupCode;
  /** The last time the state DB was found corrupt and started again empty, for the admin to see. */
  readonly recovery?: StateRecovery | null;
  readonly now?: Clock;
  /** Closes the kiosk app, for the staff exit; absent where the host cannot close itself. */
  readonly closeKiosk?: () => void;
  /** The staff sessions table: a login opens an admin session there. */
  readonly sessions: Pick<Sessions, 'open' | 'close'>;
}

const subject = 'admin';

export function createAdminService(options: AdminServiceOptions) {
  const { db, log } = options;
  const now = options.now ?? systemClock;

  const storedHash = db.prepare<[], string>('SELECT hash FROM admin_secret WHERE id = 1').pluck();
  const insertHash = db.prepare<[string, string]>('INSERT INTO admin_secret (id, hash, created_at) VALUES (1, ?, ?)');
  const replaceHash = db.prepare<[string, string]>('UPDATE admin_secret SET hash = ?, created_at = ? WHERE id = 1');
  const lock = createLoginLock(db, now, lockPolicy.blockAfter.admin);
  // Wrong setup codes are slowed down too; the code's 74 bits make blocking unnecessary.
  const setupLock = createLoginLock(db, now, Number.POSITIVE_INFINITY);
  const setupOpen = (): boolean => storedHash.get() === undefined || lock.blocked(subject);
  if (setupOpen()) options.setupCode.ensure();
  else options.setupCode.discard();

  const openSession = (): string => options.sessions.open({ kind: 'admin' });

  const login = async (passphrase: string): Promise<AdminLogin> => {
    const hash = storedHash.get() ?? '';
    const answer = await lock.attempt(subject, () => verifySecret(passphrase, hash));
    if (answer.outcome === 'ok') {
      log.info('admin.login', { outcome: 'ok' });
      return { outcome: 'ok', token: openSession() };
    }
    // Blocked: only someone who can read the kiosk's disk can set a new passphrase now.
    if (answer.outcome === 'blocked') options.setupCode.ensure();
    // A refusal while locked checked nothing: not worth a line each (a burst would flood the log).
    if (answer.outcome !== 'locked') log.warn('admin.login', { outcome: answer.outcome });
    return answer;
  };

  return {
    status: (): AdminStatus => ({
      configured: storedHash.get() !== undefined,
      blocked: lock.blocked(subject),
      recovery: options.recovery ?? null,
    }),
    /** The first passphrase, or a new one once logins are blocked: only with the one-time code from the kiosk's disk. */
    async setup(
      passphrase: string,
      code: string,
    ): Promise<Result<{ token: string }, 'admin.alreadySet' | 'admin.locked' | 'admin.wrongCode'>> {
      if (!setupOpen()) return fail('admin.alreadySet');
      // The code is checked and used up synchronously: of two setups sent together, one at most gets past here.
      const attempt = setupLock.begin('setup');
      if (!isAttempt(attempt)) return fail('admin.locked');
      if (!options.setupCode.take(code)) {
        attempt.failed();
        log.warn('admin.setupCode', { outcome: 'wrong' });
        return fail('admin.wrongCode');
      }
      attempt.succeeded();
      const hash = await hashSecret(passphrase);
      const at = isoNow(now);
      if (storedHash.get() === undefined) {
        insertHash.run(hash, at);
        log.info('admin.passphraseSet', {});
      } else {
        replaceHash.run(hash, at);
        lock.clear(subject);
        log.warn('admin.passphraseReplaced', {});
      }
      return ok({ token: openSession() });
    },
    login: async (passphrase: string): Promise<Result<AdminLogin, 'admin.notSet'>> =>
      storedHash.get() === undefined ? fail('admin.notSet') : ok(await login(passphrase)),
    /** Ends the admin session of this token. */
    logout(token: string): void {
      options.sessions.close((session) => session.token === token);
    },
    /** Closes the kiosk app shortly (after the answer); false where the host cannot close itself. */
    closeKiosk(): boolean {
      const close = options.closeKiosk;
      if (!close) return false;
      log.info('admin.closeKiosk', {});
      setTimeout(close, 200);
      return true;
    },
    /** How readable each page of a language is, the pages that need work first. */
    readability(locale: Locale): Result<ItemReadability[], PackError> {
      const needs = options.content.needs(locale);
      if (!needs.ok) return needs;
      const rows: ItemReadability[] = [];
      for (const { items } of needs.value) {
        for (const summary of items) {
          const item = options.content.item(locale, summary.id);
          if (!item.ok || item.value.fallback) continue;
          rows.push({
            id: item.value.id,
            title: item.value.title,
            kind: item.value.kind,
            reviewBy: item.value.reviewBy,
            ...pageReadability(locale, visitorLines(item.value)),
          });
        }
      }
      return ok(rows.sort((a, b) => Number(a.ok) - Number(b.ok) || (a.score ?? 100) - (b.score ?? 100)));
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

/** Every line of an item a visitor reads, as read (the pack's nodes give their text). */
export function visitorLines(item: ContentItem): string[] {
  const head = [item.title, item.summary];
  if (item.kind === 'topic') {
    return [
      ...head,
      ...item.body.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'list' ? b.items : b.lines)).map(lineText),
    ];
  }
  const body = item.body;
  const read = (lines: readonly InlineLine[]) => lines.map(lineText);
  return [
    ...head,
    ...body.readiness.flatMap((q) => [lineText(q.question), ...('bring' in q.ifNo ? read(q.ifNo.bring) : [])]),
    ...body.steps.flatMap((s) => [
      s.title,
      ...read(s.text),
      ...read(s.atHand),
      ...s.problems.flatMap((p) => [lineText(p.problem), ...read(p.fix)]),
    ]),
    body.offline.title,
    ...read(body.offline.text),
  ];
}
