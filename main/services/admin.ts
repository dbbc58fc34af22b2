// The site admin: a passphrase chosen at first run (stored as a scrypt hash), logins slowed down after failures,
// short-lived sessions held in memory only, and the admin views (content readability for now).
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../api/contract';
import { fail, ok } from '../api/result';
import type { AdminLogin, ContentItem, ItemReadability, JourneyBody, TopicBody } from '../api/types';
import { pageReadability } from '../content/readability';
import type { Logger } from '../log';
import { createLoginLock } from './login-lock';
import { hashSecret, verifySecret } from './secrets';

export interface AdminServiceOptions {
  readonly db: Database.Database;
  readonly content: Pick<Handlers, 'content.needs' | 'content.item'>;
  readonly log: Logger;
  readonly now?: () => number;
  /** Closes the kiosk app, for the staff exit; absent where the host cannot close itself. */
  readonly closeKiosk?: () => void;
  /** An admin session ends after this long without a call. */
  readonly sessionIdleMs?: number;
}

const subject = 'admin';

export function createAdminService(options: AdminServiceOptions) {
  const { db, log } = options;
  const now = options.now ?? Date.now;
  const idleMs = options.sessionIdleMs ?? 10 * 60_000;
  const sessions = new Map<string, number>();

  const storedHash = db.prepare<[], string>('SELECT hash FROM admin_secret WHERE id = 1').pluck();
  const insertHash = db.prepare<[string, string]>('INSERT INTO admin_secret (id, hash, created_at) VALUES (1, ?, ?)');
  const lock = createLoginLock(db, now);

  const openSession = (): string => {
    const token = randomBytes(32).toString('base64url');
    sessions.set(token, now());
    return token;
  };

  /** True when the token is a live session; each use keeps it alive. */
  const authorised = (token: string): boolean => {
    const last = sessions.get(token);
    if (last === undefined) return false;
    if (now() - last > idleMs) {
      sessions.delete(token);
      return false;
    }
    sessions.set(token, now());
    return true;
  };

  const login = async (passphrase: string): Promise<AdminLogin> => {
    const locked = lock.lockedFor(subject);
    if (locked) return locked;
    const hash = storedHash.get();
    if (hash !== undefined && (await verifySecret(passphrase, hash))) {
      lock.succeeded(subject);
      log.info('admin.login', { outcome: 'ok' });
      return { outcome: 'ok', token: openSession() };
    }
    const answer = lock.failed(subject);
    log.warn('admin.login', { outcome: answer.outcome });
    return answer;
  };

  const handlers = {
    'admin.status': () => ok({ configured: storedHash.get() !== undefined }),
    'admin.setup': async ({ passphrase }) => {
      if (storedHash.get() !== undefined) return fail('admin.alreadySet');
      const hash = await hashSecret(passphrase);
      // Two first runs at once: the second insert fails on the primary key and is refused.
      try {
        insertHash.run(hash, new Date(now()).toISOString());
      } catch {
        return fail('admin.alreadySet');
      }
      log.info('admin.passphraseSet', {});
      return ok({ token: openSession() });
    },
    'admin.login': async ({ passphrase }) => (storedHash.get() === undefined ? fail('admin.notSet') : ok(await login(passphrase))),
    'admin.logout': ({ token }) => {
      sessions.delete(token);
      return ok({ loggedOut: true as const });
    },
    'admin.closeKiosk': ({ token }) => {
      if (!authorised(token) || !options.closeKiosk) return fail('admin.unauthorised');
      log.info('admin.closeKiosk', {});
      // Answer first, then close.
      setTimeout(options.closeKiosk, 200);
      return ok({ closing: true as const });
    },
    'admin.readability': async ({ token, locale }) => {
      if (!authorised(token)) return fail('admin.unauthorised');
      const needs = await options.content['content.needs']({ locale });
      if (!needs.ok) return needs;
      const rows: ItemReadability[] = [];
      for (const { items } of needs.value) {
        for (const summary of items) {
          const item = await options.content['content.item']({ locale, id: summary.id });
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
      // The pages that need work first.
      return ok(rows.sort((a, b) => Number(a.ok) - Number(b.ok) || (a.score ?? 100) - (b.score ?? 100)));
    },
  } satisfies Pick<Handlers, 'admin.status' | 'admin.setup' | 'admin.login' | 'admin.logout' | 'admin.closeKiosk' | 'admin.readability'>;

  return { handlers, authorised };
}

/** Every line of an item a visitor reads, in content syntax. */
export function visitorLines(item: ContentItem): string[] {
  const split = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
  const head = [item.title, item.summary];
  if (item.kind === 'topic') {
    return [
      ...head,
      ...(item.body as TopicBody).blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'list' ? b.items : b.lines)),
    ];
  }
  const body = item.body as JourneyBody;
  return [
    ...head,
    ...body.readiness.flatMap((q) => [q.question, ...('bring' in q.if_no ? split(q.if_no.bring) : [])]),
    ...body.steps.flatMap((s) => [s.title, ...split(s.text), ...s.at_hand, ...s.problems.flatMap((p) => [p.problem, ...split(p.fix)])]),
    body.offline.title,
    ...split(body.offline.text),
  ];
}
