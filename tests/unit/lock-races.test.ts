// The PIN and passphrase locks attacked the way a person at the kiosk would: bursts of concurrent guesses, guesses
// pipelined on one connection, resume-ticket redemption in a loop, all over real HTTP against a real host.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildContentPack } from '../../build/scripts/content-build';
import { lockPolicy } from '../../main/staff/secrets';
import { ticketThrottlePolicy } from '../../main/assisted/ticket-throttle';
import { call, pipelined, send, setupCode, startTestHost, type StartedHost } from './host-client';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const running: StartedHost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

const passphrase = 'la borne de la salle des fêtes';
const pin = '730194';
const fixture = join(import.meta.dirname, '..', 'fixtures', 'content-mini');

async function hostWithMediator() {
  const dir = tempDir();
  const pack = join(dir, 'pack');
  buildContentPack(fixture, pack);
  const host = await startTestHost(dir, { bundledPack: pack });
  running.push(host);
  const setup = await call(host.origin, 'admin.setup', { passphrase, code: setupCode(host.dataDir) });
  if (!setup.ok) throw new Error(`setup failed: ${JSON.stringify(setup)}`);
  const adminToken = setup.value?.token as string;
  const created = await call(host.origin, 'admin.mediatorCreate', { token: adminToken, displayName: 'Sophie', role: 'volunteer', pin });
  return { ...host, adminToken, mediatorId: created.value?.id as number };
}

/** Wrong PINs: six digits, never the right one. */
const wrongPins = (count: number) => Array.from({ length: count }, (_, i) => String(100_000 + i));

describe('the PIN lock against concurrency', () => {
  it('gives no session to the right PIN sent among 100 wrong ones at once', async () => {
    const { origin, mediatorId } = await hostWithMediator();
    const guesses = [...wrongPins(100), pin];
    const answers = await Promise.all(guesses.map((guess) => call(origin, 'mediator.unlock', { id: mediatorId, pin: guess })));
    expect(answers.filter((a) => a.ok && a.value?.outcome === 'ok')).toEqual([]);
    // Only a few guesses were checked at all: the others queued behind them, then met the lock they set.
    expect(answers.filter((a) => a.ok && a.value?.outcome === 'wrong').length).toBeLessThanOrEqual(4);
  });

  it('gives no session to the right PIN at the end of 149 wrong ones pipelined on one connection', async () => {
    const { origin, mediatorId } = await hostWithMediator();
    const bodies = await pipelined(origin, [
      ...wrongPins(149).map((guess) => ({ method: 'mediator.unlock', body: { id: mediatorId, pin: guess } })),
      { method: 'mediator.unlock', body: { id: mediatorId, pin } },
    ]);
    expect(bodies).toHaveLength(150);
    expect(bodies.filter((b) => b.includes('"outcome":"ok"'))).toEqual([]);
  });

  it('gives no admin session to the right passphrase sent among 100 wrong ones at once', async () => {
    const { origin } = await hostWithMediator();
    const guesses = [...Array.from({ length: 100 }, (_, i) => `pas la bonne phrase ${i}`), passphrase];
    const answers = await Promise.all(guesses.map((guess) => call(origin, 'admin.login', { passphrase: guess })));
    expect(answers.filter((a) => a.ok && a.value?.outcome === 'ok')).toEqual([]);
  });

  it('keeps serving the kiosk home page and health while guesses hammer every account', async () => {
    const { origin, mediatorId } = await hostWithMediator();
    const burst = Promise.all([
      ...wrongPins(150).map((guess) => call(origin, 'mediator.unlock', { id: mediatorId, pin: guess })),
      ...Array.from({ length: 150 }, (_, i) => call(origin, 'admin.login', { passphrase: `encore une autre phrase ${i}` })),
    ]);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const [home, health] = await Promise.all([send(`${origin}/`), send(`${origin}/api/health`)]);
      times.push(performance.now() - started);
      expect(home.status).toBe(200);
      expect(health.status).toBe(200);
    }
    await burst;
    const worst = Math.max(...times);
    console.info(`home page + health during a 300-guess burst: worst ${Math.round(worst)} ms, all ${times.map(Math.round).join(' ')}`);
    expect(worst).toBeLessThan(1000);
  });
});

describe('resume-ticket redemption', () => {
  it('stops a mediator session that tries codes in a loop, and the kiosk as a whole after a few sessions', async () => {
    const { origin, mediatorId } = await hostWithMediator();
    const unlocked = await call(origin, 'mediator.unlock', { id: mediatorId, pin });
    const token = unlocked.value?.token as string;
    const codes = Array.from(
      { length: 500 },
      (_, i) =>
        `ACDE-FGHJ-KMNP-QRTU-VWXY-${String(i)
          .padStart(4, '3')
          .replace(/[0125-8]/g, 'F')
          .slice(0, 4)}`,
    );
    const answers = await Promise.all(codes.map((code) => call(origin, 'assisted.ticketUse', { token, code })));
    const checked = answers.filter((a) => a.error === 'ticket.unknown').length;
    expect(checked).toBeLessThanOrEqual(10);
    // The session that guessed is over: the mediator unlocks again (with the PIN lock in front).
    expect(await call(origin, 'assisted.ticketUse', { token, code: 'ACDE-FGHJ-KMNP-QRTU-VWXY-3467' })).toEqual({
      ok: false,
      error: 'mediator.locked',
    });
  });

  it('refuses codes on the whole kiosk after many unknown ones, whatever the session', async () => {
    const { origin, mediatorId } = await hostWithMediator();
    let checked = 0;
    let refused = 0;
    for (let session = 0; session < 8; session++) {
      const token = (await call(origin, 'mediator.unlock', { id: mediatorId, pin })).value?.token as string;
      const answers = await Promise.all(
        ['ACDE-FGHJ', 'KMNP-QRTU', 'VWXY-3467', 'ACDE-9764', 'QRTU-ACDE', 'YXWV-7643'].map((start) =>
          call(origin, 'assisted.ticketUse', { token, code: `${start}-ACDE-FGHJ-KMNP-QRTU` }),
        ),
      );
      checked += answers.filter((a) => a.error === 'ticket.unknown').length;
      refused += answers.filter((a) => a.error === 'ticket.tooMany').length;
    }
    expect(checked).toBe(ticketThrottlePolicy.kioskFailures);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('the lock policy, from both sides', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a mediator waiting a minute at most while a visitor guesses, then blocks the account until the admin gives a new PIN', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { origin, mediatorId } = await hostWithMediator();
    const unlock = (guess: string) => call(origin, 'mediator.unlock', { id: mediatorId, pin: guess });
    const waits: number[] = [];
    for (const guess of wrongPins(lockPolicy.blockAfter.mediator - 1)) {
      const answer = await unlock(guess);
      if (answer.value?.outcome === 'locked') {
        const seconds = Number(answer.value.retryAfterSeconds);
        waits.push(seconds);
        vi.setSystemTime(Date.now() + seconds * 1000);
      }
    }
    // The staff member who comes after the visitor waits a minute at most, then the right PIN opens.
    expect(Math.max(...waits)).toBeLessThanOrEqual(60);
    expect((await unlock(pin)).value?.outcome).toBe('ok');

    // A visitor who keeps guessing gets a bounded number of tries: then the account is blocked, even for the right PIN.
    for (const guess of wrongPins(lockPolicy.blockAfter.mediator)) {
      const answer = await unlock(guess);
      if (answer.value?.outcome === 'locked') vi.setSystemTime(Date.now() + Number(answer.value.retryAfterSeconds) * 1000);
    }
    vi.setSystemTime(Date.now() + 24 * 3_600_000);
    expect((await unlock(pin)).value).toEqual({ outcome: 'blocked' });
    // The admin (a new session: a day went by) gives a new PIN: the account opens again with it.
    const adminToken = (await call(origin, 'admin.login', { passphrase })).value?.token;
    expect(await call(origin, 'admin.mediatorReset', { token: adminToken, id: mediatorId, pin: '551208' })).toMatchObject({ ok: true });
    expect((await unlock('551208')).value?.outcome).toBe('ok');
    // Forty scrypt checks one after the other: slow on a shared two-core machine.
  }, 90_000);

  it('blocks the admin after its bounded tries; the one-time code written on the disk then sets a new passphrase', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { origin, dataDir } = await hostWithMediator();
    expect(setupCode(dataDir)).toBeUndefined();
    let last: unknown;
    for (let i = 0; i < lockPolicy.blockAfter.admin; i++) {
      const answer = await call(origin, 'admin.login', { passphrase: `pas la bonne phrase ${i}` });
      last = answer.value;
      if (answer.value?.outcome === 'locked') vi.setSystemTime(Date.now() + Number(answer.value.retryAfterSeconds) * 1000);
    }
    expect(last).toEqual({ outcome: 'blocked' });
    vi.setSystemTime(Date.now() + 24 * 3_600_000);
    expect((await call(origin, 'admin.login', { passphrase })).value).toEqual({ outcome: 'blocked' });
    expect((await call(origin, 'admin.status', {})).value).toMatchObject({ configured: true, blocked: true });
    // Without the code nothing changes; with it, a new passphrase, and the old one is gone.
    const code = setupCode(dataDir);
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(await call(origin, 'admin.setup', { passphrase: 'une phrase de visiteur', code: 'AAAA-AAAA-AAAA-AAAA' })).toEqual({
      ok: false,
      error: 'admin.wrongCode',
    });
    expect(await call(origin, 'admin.setup', { passphrase: 'la nouvelle phrase secrète', code })).toMatchObject({ ok: true });
    expect(setupCode(dataDir)).toBeUndefined();
    expect((await call(origin, 'admin.login', { passphrase: 'la nouvelle phrase secrète' })).value?.outcome).toBe('ok');
    expect((await call(origin, 'admin.login', { passphrase })).value?.outcome).toBe('wrong');
    // Fifty scrypt checks one after the other.
  }, 90_000);
});
