// The PIN and passphrase locks attacked the way a person at the kiosk would: bursts of concurrent guesses, guesses
// pipelined on one connection, resume-ticket redemption in a loop, all over real HTTP against a real host.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContentPack } from '../../build/scripts/content-build';
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
    // Only a few guesses were checked at all: the others met the lock or a verification in progress.
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
        `ACDE-${String(i)
          .padStart(4, '3')
          .replace(/[0125-8]/g, 'F')
          .slice(0, 4)}`,
    );
    const answers = await Promise.all(codes.map((code) => call(origin, 'assisted.ticketUse', { token, code })));
    const checked = answers.filter((a) => a.error === 'ticket.unknown').length;
    expect(checked).toBeLessThanOrEqual(10);
    // The session that guessed is over: the mediator unlocks again (with the PIN lock in front).
    expect(await call(origin, 'assisted.ticketUse', { token, code: 'ACDE-FGHJ' })).toEqual({ ok: false, error: 'mediator.locked' });
  });
});
