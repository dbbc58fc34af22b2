// First-run takeover, attacked as a visitor would: the admin setup over real HTTP without the one-time code, with a
// wrong one, and again after the state DB was corrupted and started empty.
import { closeSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { setupCodeFileName } from '../../main/staff/setup-code';
import { call, send, setupCode, startTestHost, type StartedHost } from './host-client';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const running: StartedHost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start(dir: string) {
  const host = await startTestHost(dir);
  running.push(host);
  return host;
}

async function stop(host: StartedHost) {
  running.splice(running.indexOf(host), 1);
  await host.close();
}

const passphrase = 'la borne de la maison de santé';

describe('first-run setup', () => {
  it('is refused to a visitor without the one-time code, which is never in an answer or the log', async () => {
    const host = await start(tempDir());
    expect(await call(host.origin, 'admin.setup', { passphrase: 'je prends la borne' })).toMatchObject({
      ok: false,
      error: 'api.invalidInput',
    });
    expect(await call(host.origin, 'admin.setup', { passphrase: 'je prends la borne', code: 'ACDE-FGHJ-KMNP-QRTU' })).toEqual({
      ok: false,
      error: 'admin.wrongCode',
    });
    const code = setupCode(host.dataDir) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    // Only the service user reads the file (POSIX rights; Windows relies on the folder's ACL).
    if (process.platform !== 'win32') expect(statSync(join(host.dataDir, setupCodeFileName)).mode & 0o077).toBe(0);
    const seen = [
      (await send(`${host.origin}/api/health`)).body,
      JSON.stringify(await call(host.origin, 'admin.status', {})),
      JSON.stringify(await call(host.origin, 'settings.public', {})),
    ].join('\n');
    expect(seen).not.toContain(code);
    expect(seen).not.toContain(code.replace(/-/g, ''));
    const setup = await call(host.origin, 'admin.setup', { passphrase, code });
    expect(setup).toMatchObject({ ok: true });
    expect(setupCode(host.dataDir)).toBeUndefined();
    expect(await call(host.origin, 'admin.setup', { passphrase: 'je prends la borne', code })).toEqual({
      ok: false,
      error: 'admin.alreadySet',
    });
    await stop(host);
    expect(readFileSync(host.log.file, 'utf8')).not.toContain(code);
  });

  it('slows down a visitor guessing the code', async () => {
    const host = await start(tempDir());
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(host.origin, 'admin.setup', { passphrase: 'je prends la borne', code: `ACDE-FGHJ-KMNP-${String(3000 + i)}` }),
      ),
    );
    expect(answers.filter((a) => a.error === 'admin.wrongCode')).toHaveLength(5);
    expect(answers.filter((a) => a.error === 'admin.locked')).toHaveLength(45);
  });

  it('stays closed after a state-DB recovery until the code is given, and the recovery is reported', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const admin = await call(first.origin, 'admin.setup', { passphrase, code: setupCode(first.dataDir) });
    await call(first.origin, 'admin.mediatorCreate', {
      token: admin.value?.token,
      displayName: 'Sophie',
      role: 'volunteer',
      pin: '730194',
    });
    await stop(first);

    const dbFile = join(first.dataDir, 'state.db');
    const bytes = readFileSync(dbFile);
    bytes.fill(0x5a, 0, 100); // the SQLite header is gone: the file is moved aside and the kiosk starts empty
    writeFileSync(dbFile, bytes);

    const second = await start(dir);
    const health = JSON.parse((await send(`${second.origin}/api/health`)).body);
    expect(health.stateDb).toMatchObject({
      status: 'recovered',
      lastRecovery: { day: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), movedAsideTo: expect.stringMatching(/^state\.db\.corrupt-/) },
    });
    expect(readdirSync(second.dataDir)).toContain(health.stateDb.lastRecovery.movedAsideTo);
    const status = await call(second.origin, 'admin.status', {});
    expect(status.value).toMatchObject({ configured: false, recovery: health.stateDb.lastRecovery });
    // The next visitor cannot take the empty kiosk over.
    expect(await call(second.origin, 'admin.setup', { passphrase: 'je prends la borne', code: 'ACDE-FGHJ-KMNP-QRTU' })).toEqual({
      ok: false,
      error: 'admin.wrongCode',
    });
    expect(await call(second.origin, 'admin.setup', { passphrase, code: setupCode(second.dataDir) })).toMatchObject({ ok: true });
    await stop(second);

    // The next start still tells it, until the state DB is replaced again.
    const third = await start(dir);
    const later = JSON.parse((await send(`${third.origin}/api/health`)).body);
    expect(later.stateDb).toMatchObject({ status: 'ok', lastRecovery: health.stateDb.lastRecovery });
  });
});

describe('what a recovery lost', () => {
  it('is counted in the damaged file where it can still be read (a broken index, its tables intact)', () => {
    const file = join(tempDir(), 'state.db');
    const { db } = openStateDb(file, createMemoryLogger());
    for (const name of ['Sophie', 'Karim', 'Nadia'])
      db.prepare("INSERT INTO mediator (display_name, role, pin_hash, created_at) VALUES (?, 'volunteer', 'x', '2026-11-01')").run(name);
    db.prepare("INSERT INTO admin_secret (id, hash, created_at) VALUES (1, 'x', '2026-11-01')").run();
    const page = Number(db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_mediator_1'").pluck().get());
    const size = Number(db.pragma('page_size', { simple: true }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Garbage over the index page of mediator names, past its header.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 12, 0x41), 0, size - 12, (page - 1) * size + 12);
    closeSync(fd);
    const again = openStateDb(file, createMemoryLogger());
    expect(again.status.status).toBe('recovered');
    expect(again.status.lastRecovery?.lost).toEqual({ adminPassphrase: true, mediators: 3, journalRows: 0, resumeTickets: 0 });
    again.db.close();
  });
});
