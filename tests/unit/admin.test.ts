// The site admin: passphrase at first run (hashed), logins slowed down after failures, sessions, readability view.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentPack } from '../../build/scripts/content-build';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { createAdminService } from '../../main/staff/admin';
import { createContentService } from '../../main/content/content';
import { hashSecret, lockDelaySeconds, verifySecret } from '../../main/staff/secrets';
import { createSetupCode } from '../../main/staff/setup-code';
import { useTempDir } from './temp-dir';
import { callsThrough } from './helpers/staff-call';
import { adminCalls } from '../../main/app/wire';
import { createSessions } from '../../main/staff/sessions';

const tempDir = useTempDir();
const fixture = join(import.meta.dirname, '..', 'fixtures', 'content-mini');
const passphrase = 'le chat dort sur la borne 42';

function setUp(dir = tempDir()) {
  const log = createMemoryLogger();
  const { db } = openStateDb(join(dir, 'state.db'), log);
  const pack = join(dir, 'pack');
  buildContentPack(fixture, pack);
  const content = createContentService({ dataDir: dir, bundledPackDir: pack, trust: { publicKeyPem: null }, log });
  const clock = { now: 1_000_000 };
  const sessions = createSessions({ now: () => clock.now, idleMs: { admin: 60_000 } });
  const setupCode = createSetupCode(dir, log);
  const admin = createAdminService({ db, content, log, setupCode, now: () => clock.now, sessions });
  const call = callsThrough(adminCalls(admin), log, sessions);
  /** The code the IT person reads in the data folder. */
  const code = () => readFileSync(setupCode.file, 'utf8').trim();
  return { dir, db, log, clock, admin, call, code, close: () => (content.close(), db.close()) };
}

describe('secrets', () => {
  it('stores a salted scrypt hash that verifies the secret and nothing else', async () => {
    const a = await hashSecret('1234');
    const b = await hashSecret('1234');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(await verifySecret('1234', a)).toBe(true);
    expect(await verifySecret('1235', a)).toBe(false);
    expect(await verifySecret('1234', 'plain:1234')).toBe(false);
  });

  it('locks from the fifth failure, with a delay that doubles up to a minute', () => {
    expect([1, 2, 3, 4].map(lockDelaySeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map(lockDelaySeconds)).toEqual([5, 10, 20, 40, 60]);
    expect(lockDelaySeconds(40)).toBe(60);
  });
});

describe('admin service', () => {
  it('sets the passphrase once, at first run, and never keeps or logs it', async () => {
    const { admin, log, dir, db, close, code } = setUp();
    expect(admin.status()).toEqual({ configured: false, blocked: false, recovery: null });
    expect(await admin.login(passphrase)).toEqual({ ok: false, error: 'admin.notSet' });
    const oneTime = code();
    const first = await admin.setup(passphrase, oneTime);
    expect(first.ok && first.value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await admin.setup('someone else wants it', oneTime)).toEqual({
      ok: false,
      error: 'admin.alreadySet',
    });
    expect(admin.status()).toEqual({ configured: true, blocked: false, recovery: null });
    db.pragma('wal_checkpoint(TRUNCATE)');
    close();
    for (const file of readdirSync(dir).filter((f) => f.startsWith('state.db')))
      expect(readFileSync(join(dir, file)).includes(passphrase)).toBe(false);
    expect(JSON.stringify(log.lines)).not.toContain(passphrase);
  });

  it('logs in with the passphrase; a wrong one says how many tries are left, then locks with a growing delay', async () => {
    const { admin, clock, log, close, code } = setUp();
    await admin.setup(passphrase, code());
    const wrong = () => admin.login('pas la bonne phrase');
    expect(await wrong()).toEqual({ ok: true, value: { outcome: 'wrong', attemptsBeforeLock: 4 } });
    for (let i = 0; i < 3; i++) await wrong();
    expect(await wrong()).toEqual({ ok: true, value: { outcome: 'locked', retryAfterSeconds: 5 } });
    // While locked, even the right passphrase is not checked.
    clock.now += 2_000;
    expect(await admin.login(passphrase)).toEqual({ ok: true, value: { outcome: 'locked', retryAfterSeconds: 3 } });
    clock.now += 3_000;
    expect(await wrong()).toEqual({ ok: true, value: { outcome: 'locked', retryAfterSeconds: 10 } });
    clock.now += 10_000;
    const good = await admin.login(passphrase);
    expect(good.ok && good.value.outcome).toBe('ok');
    // Success starts the count again.
    expect(await wrong()).toEqual({ ok: true, value: { outcome: 'wrong', attemptsBeforeLock: 4 } });
    expect(JSON.stringify(log.lines)).not.toContain('pas la bonne phrase');
    close();
  });

  it('keeps the lock across a restart of the kiosk', async () => {
    const first = setUp();
    await first.admin.setup(passphrase, first.code());
    for (let i = 0; i < 5; i++) await first.admin.login('non');
    first.close();
    const again = setUp(first.dir);
    const answer = await again.admin.login(passphrase);
    expect(answer.ok && answer.value.outcome).toBe('locked');
    again.close();
  });

  it('serves the readability view to a live session only, which ends after idle time or logout', async () => {
    const { admin, call, clock, close, code } = setUp();
    const setup = await admin.setup(passphrase, code());
    const token = setup.ok ? setup.value.token : '';
    const view = await call('admin.readability', { token, locale: 'fr' });
    expect(view.ok).toBe(true);
    const rows = view.ok ? view.value : [];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.formula).toBe('kandel-moles');
      expect(row.score).toEqual(expect.any(Number));
      expect(row.ok).toBe((row.score ?? 0) >= 70 && row.tooLong === 0);
    }
    expect(await call('admin.readability', { token: 'x'.repeat(43), locale: 'fr' })).toEqual({
      ok: false,
      error: 'admin.unauthorised',
    });
    clock.now += 59_000;
    expect((await call('admin.readability', { token, locale: 'en' })).ok).toBe(true);
    clock.now += 61_000;
    expect(await call('admin.readability', { token, locale: 'fr' })).toEqual({ ok: false, error: 'admin.unauthorised' });

    const login = await admin.login(passphrase);
    const second = login.ok && login.value.outcome === 'ok' ? login.value.token : '';
    await call('admin.logout', { token: second });
    expect(await call('admin.readability', { token: second, locale: 'fr' })).toEqual({ ok: false, error: 'admin.unauthorised' });
    close();
  });
});
