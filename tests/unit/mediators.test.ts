// Mediator accounts: created, reset and disabled by the admin only; unlocked with a PIN (hashed, rate-limited);
// unlock and lock written to the journal; sessions end after their idle time.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../common/api/result';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { createJournal } from '../../main/journal/journal';
import { createMediatorService } from '../../main/staff/mediators';
import { useTempDir } from './temp-dir';
import { callsThrough } from './helpers/staff-call';
import { mediatorCalls } from '../../main/app/wire';
import { createSessions } from '../../main/staff/sessions';

const tempDir = useTempDir();
const pin = '482913';

function setUp() {
  const dir = tempDir();
  const log = createMemoryLogger();
  const { db } = openStateDb(join(dir, 'state.db'), log);
  const journal = createJournal(db);
  const clock = { now: 5_000_000 };
  const sessions = createSessions({
    now: () => clock.now,
    idleMs: { mediator: 60_000 },
    onIdleEnd: () => journal.append({ event: 'mediator.lock', cause: 'idle' }),
  });
  const service = createMediatorService({ db, journal, log, sessions, now: () => clock.now });
  const adminToken = sessions.open({ kind: 'admin' });
  const h = callsThrough(mediatorCalls(service), log, sessions);
  return { dir, db, log, journal, clock, service, sessions, adminToken, h };
}

describe('mediators', () => {
  it('are managed by the admin only, with unique names whatever the case', async () => {
    const { h, db, adminToken } = setUp();
    expect(await h('admin.mediatorCreate', { token: 'B'.repeat(43), displayName: 'Sophie', role: 'volunteer', pin })).toEqual({
      ok: false,
      error: 'admin.unauthorised',
    });
    const created = await h('admin.mediatorCreate', { token: adminToken, displayName: 'Sophie', role: 'volunteer', pin });
    expect(created.ok).toBe(true);
    expect(await h('admin.mediatorCreate', { token: adminToken, displayName: 'sophie', role: 'professional', pin })).toEqual({
      ok: false,
      error: 'mediator.nameTaken',
    });
    expect(await h('admin.mediators', { token: adminToken })).toEqual(
      ok([{ id: 1, displayName: 'Sophie', role: 'volunteer', disabled: false }]),
    );
    db.close();
  });

  it('unlock with the PIN; a wrong PIN says how many tries are left, then locks; the admin reset unlocks', async () => {
    const { h, journal, clock, db, log, dir, adminToken } = setUp();
    await h('admin.mediatorCreate', { token: adminToken, displayName: 'Karim', role: 'professional', pin });
    expect(await h('mediator.unlock', { id: 1, pin: '000000' })).toEqual(ok({ outcome: 'wrong', attemptsBeforeLock: 4 }));
    for (let i = 0; i < 3; i++) await h('mediator.unlock', { id: 1, pin: '000000' });
    expect(await h('mediator.unlock', { id: 1, pin: '000000' })).toEqual(ok({ outcome: 'locked', retryAfterSeconds: 5 }));
    expect(await h('mediator.unlock', { id: 1, pin })).toEqual(ok({ outcome: 'locked', retryAfterSeconds: 5 }));
    await h('admin.mediatorReset', { token: adminToken, id: 1, pin: '7654321' });
    // The old PIN no longer opens.
    expect(await h('mediator.unlock', { id: 1, pin })).toEqual(ok({ outcome: 'wrong', attemptsBeforeLock: 4 }));
    const unlocked = await h('mediator.unlock', { id: 1, pin: '7654321' });
    expect(unlocked).toMatchObject({ ok: true, value: { outcome: 'ok', displayName: 'Karim', role: 'professional' } });
    expect(journal.rows().map((r) => [r.event, r.detail])).toContainEqual(['mediator.unlock', 'professional']);
    clock.now += 1;
    // Nothing secret anywhere: not in the log, not in the database files.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(JSON.stringify(log.lines)).not.toMatch(/482913|7654321|000000/);
    for (const file of readdirSync(dir).filter((f) => f.startsWith('state.db')))
      expect(readFileSync(join(dir, file)).toString('latin1')).not.toMatch(/482913|7654321/);
  });

  it('hides disabled mediators from the unlock list, refuses them and ends their sessions', async () => {
    const { h, db, sessions, adminToken } = setUp();
    await h('admin.mediatorCreate', { token: adminToken, displayName: 'Anne', role: 'volunteer', pin });
    await h('admin.mediatorCreate', { token: adminToken, displayName: 'Bruno', role: 'volunteer', pin });
    const unlocked = await h('mediator.unlock', { id: 1, pin });
    const token = unlocked.ok && unlocked.value.outcome === 'ok' ? unlocked.value.token : '';
    expect(sessions.resolve(token, 'mediator')).toMatchObject({ mediatorId: 1 });
    await h('admin.mediatorDisable', { token: adminToken, id: 1, disabled: true });
    expect(sessions.resolve(token, 'mediator')).toBeNull();
    expect(await h('mediator.list', {})).toEqual(ok([{ id: 2, displayName: 'Bruno' }]));
    expect(await h('mediator.unlock', { id: 1, pin })).toEqual({ ok: false, error: 'mediator.notFound' });
    db.close();
  });

  it('ends assisted mode after its idle time, or on lock, and says so in the journal', async () => {
    const { h, clock, journal, db, sessions, adminToken } = setUp();
    await h('admin.mediatorCreate', { token: adminToken, displayName: 'Chloé', role: 'volunteer', pin });
    const first = await h('mediator.unlock', { id: 1, pin });
    const token = first.ok && first.value.outcome === 'ok' ? first.value.token : '';
    clock.now += 59_000;
    expect(sessions.resolve(token, 'mediator')).not.toBeNull();
    clock.now += 61_000;
    expect(sessions.resolve(token, 'mediator')).toBeNull();
    const second = await h('mediator.unlock', { id: 1, pin });
    const again = second.ok && second.value.outcome === 'ok' ? second.value.token : '';
    await h('mediator.lock', { token: again });
    expect(sessions.resolve(again, 'mediator')).toBeNull();
    expect(
      journal
        .rows()
        .filter((r) => r.event === 'mediator.lock')
        .map((r) => r.detail),
    ).toEqual(['idle', 'mediator']);
    expect(journal.verify().ok).toBe(true);
    db.close();
  });

  it('refuses a PIN that is not 6 to 8 digits, and a display name with odd characters, at the API boundary', async () => {
    const { db, h: dispatch, adminToken } = setUp();
    expect(await dispatch('mediator.unlock', { id: 1, pin: '12' })).toEqual({ ok: false, error: 'api.invalidInput', field: 'pin' });
    expect(await dispatch('admin.mediatorCreate', { token: adminToken, displayName: '<script>', role: 'volunteer', pin })).toEqual({
      ok: false,
      error: 'api.invalidInput',
      field: 'displayName',
    });
    db.close();
  });
});
