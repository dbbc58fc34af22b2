// What a visit leaves behind on the kiosk's disk, attacked from the page's side over real HTTP: no line per request
// or per asset, no path a client typed, minute times, and bounds on what unauthenticated calls can write or hold.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { maxEventStreams } from '../../main/hosts/web/server';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { createKioskEvents, visitorEventBounds } from '../../main/kiosk/kiosk-events';
import { call, send, startTestHost, type StartedHost } from './host-client';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const running: StartedHost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start() {
  const host = await startTestHost(tempDir());
  running.push(host);
  return host;
}

const logLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the log after a visit', () => {
  it('has no line per request, no asset name, no path a client typed, and times to the minute', async () => {
    const host = await start();
    // The start-up's last line (the kiosk voice's probe, in the background) is not the visit's: wait for it first.
    await expect.poll(() => logLines(host.log.file).some((line) => line.event === 'speech.kioskVoice'), { timeout: 30_000 }).toBe(true);
    const before = logLines(host.log.file).length;
    for (let i = 0; i < 9; i++) await call(host.origin, 'content.search', { locale: 'fr', query: 'addiction'.slice(0, i + 1) });
    await send(`${host.origin}/assets/app-1234.js`);
    await send(`${host.origin}/canary-path-5kq2/secret`);
    await send(`${host.origin}/assets/canary-asset-8hz1.svg`);
    await send(`${host.origin}/api/call/canary-method-3mm7`, { method: 'POST', headers: { Origin: host.origin } });
    const during = logLines(host.log.file).slice(before);
    expect(during).toEqual([]);
    await host.close();
    running.splice(running.indexOf(host), 1);
    const text = readFileSync(host.log.file, 'utf8');
    for (const trace of ['canary', 'app-1234', 'assets', 'content.search', 'addiction']) expect(text).not.toContain(trace);
    // One line of counts when the host stops (and once an hour while it runs).
    expect(logLines(host.log.file).filter((line) => line.event === 'http.counts')).toEqual([
      // The typed page path gets the app (200); the unknown asset and the unknown call are refused.
      expect.objectContaining({ requests: 13, refused: 2, failed: 0 }),
    ]);
    for (const line of logLines(host.log.file)) expect(line.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  });
});

describe('bounds on unauthenticated calls', () => {
  it('keeps a few renderer-problem events a minute, to the minute, and logs only those', async () => {
    const host = await start();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => call(host.origin, 'kiosk.reportRendererProblem', { kind: 'render-error', screen: 'home' })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const db = new Database(join(host.dataDir, 'state.db'), { readonly: true });
    const rows = db.prepare("SELECT at FROM kiosk_event WHERE kind = 'renderer.problem'").all() as { at: string }[];
    db.close();
    // The burst may straddle a minute.
    expect(rows.length).toBeGreaterThanOrEqual(visitorEventBounds.perMinute);
    expect(rows.length).toBeLessThanOrEqual(2 * visitorEventBounds.perMinute);
    for (const row of rows) expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(logLines(host.log.file).filter((line) => line.event === 'renderer.problem')).toHaveLength(rows.length);
  });

  it('holds a bounded number of event streams open', async () => {
    const host = await start();
    const open: { destroy(): void }[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < maxEventStreams + 5; i++) {
      statuses.push(
        await new Promise<number>((resolve, reject) => {
          const req = request(`${host.origin}/api/events`, { headers: { 'Sec-Fetch-Site': 'same-origin' }, agent: false }, (res) => {
            resolve(res.statusCode ?? 0);
            if (res.statusCode !== 200) res.resume();
          });
          req.on('error', reject);
          req.end();
          open.push(req);
        }),
      );
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(maxEventStreams);
    expect(statuses.slice(maxEventStreams)).toEqual(Array(5).fill(503));
    for (const req of open) req.destroy();
  });
});

describe('renderer-problem events over weeks', () => {
  it('keep 500 rows and 30 days at most, and leave the kiosk’s own events alone', () => {
    const { db } = openStateDb(join(tempDir(), 'state.db'), createMemoryLogger());
    const clock = { now: new Date('2026-01-01T00:00:00Z').getTime() };
    const events = createKioskEvents(db, () => clock.now);
    events.record('stateDb.recovered', 'kept');
    // Twelve offered a minute for two hours: ten a minute are kept, then the oldest go beyond 500.
    for (let minute = 0; minute < 120; minute++, clock.now += 60_000)
      for (let i = 0; i < 12; i++) events.fromVisitor('renderer.problem', 'render-error on home');
    const count = (kind: string) => db.prepare('SELECT count(*) FROM kiosk_event WHERE kind = ?').pluck().get(kind);
    expect(count('renderer.problem')).toBe(visitorEventBounds.maxRows);
    clock.now += (visitorEventBounds.keepDays + 1) * 86_400_000;
    events.fromVisitor('renderer.problem', 'render-error on home');
    expect(count('renderer.problem')).toBe(1);
    expect(count('stateDb.recovered')).toBe(1);
    db.close();
  });
});
