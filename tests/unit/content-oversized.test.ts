// A 3 GB file (sparse) where the pack should be, beside a legitimately signed manifest, in the folder a real web host
// polls for updates: the host must keep answering. Another process polls /api/health over HTTP the whole time, as a
// monitoring probe or the kiosk's own page would, and the 95th percentile of its response times must stay under 100 ms.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../build/content/sign';
import { parseSiteConfig } from '../../main/core/config';
import { packFileName } from '../../common/content/pack-format';
import { createMemoryLogger } from '../../main/core/log';
import { createContentPoller, type CheckResult } from '../../main/content/content-poller';
import { packDirs } from '../../main/content/content-updates';
import { runWebHost } from '../../main/hosts/web/run-web-host';
import { buildSignedPack } from './signed-pack';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

/**
 * GETs `url` every 20 ms for `ms` milliseconds from a separate Node process, whether or not earlier answers came (a
 * stalled host then shows in every request it holds up); resolves with each response time, a failed request counting
 * as the time until it failed.
 */
function probe(url: string, ms: number): Promise<number[]> {
  const script = `
    const times = [];
    const pending = [];
    const one = async () => {
      const start = performance.now();
      try {
        const response = await fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(60000) });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error('status ' + response.status);
      } catch {}
      times.push(performance.now() - start);
    };
    (async () => {
      // One request first, not counted: it loads fetch itself and opens the connection.
      await (await fetch(${JSON.stringify(url)})).arrayBuffer();
      const timer = setInterval(() => pending.push(one()), 20);
      setTimeout(async () => {
        clearInterval(timer);
        await Promise.all(pending);
        process.stdout.write(JSON.stringify(times));
      }, ${ms});
    })();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`probe exited with ${code}`))));
  });
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1] ?? NaN;

describe('an oversized file in the watched folder', () => {
  it('does not stall the host: /api/health p95 under 100 ms while the folder is checked again and again', async () => {
    const dir = tempDir();
    const keys = generateSigningKeys();
    const keyFile = join(dir, 'content-signing.pub');
    writeFileSync(keyFile, keys.publicKeyPem);
    const stick = buildSignedPack(join(dir, 'stick'), keys.privateKeyPem);
    truncateSync(join(stick, packFileName), 3 * 1024 ** 3);
    expect(statSync(join(stick, packFileName)).size).toBe(3 * 1024 ** 3);

    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    const dataDir = join(dir, 'data');
    const config = parseSiteConfig(
      { port: 0, contentPublicKey: keyFile, contentUpdate: { source: stick, intervalMinutes: 5 } },
      'test',
      dataDir,
    );
    const log = createMemoryLogger();
    const web = await runWebHost(config, { renderer: rendererDir, bundledPack: null }, log);
    running.push(web);
    const trust = { publicKeyPem: keys.publicKeyPem };
    // The host's own poller (it remembers what it refused), and a kiosk just restarted (it does not) on the same folder.
    const pollers = [
      (web.kiosk as { contentPoller?: ReturnType<typeof createContentPoller> | null }).contentPoller ??
        createContentPoller({ source: stick, intervalMinutes: 5, dataDir, trust, log }),
    ];

    const probing = probe(`${web.host.url.replace(/\/$/, '')}/api/health`, 4_000);
    const results: CheckResult[] = [];
    let done = false;
    void probing.finally(() => (done = true));
    while (!done) {
      pollers.push(createContentPoller({ source: stick, intervalMinutes: 5, dataDir, trust, log }));
      for (const poller of [pollers[0], pollers.at(-1)]) if (poller) results.push(await poller.checkNow());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const times = await probing;
    const p95 = percentile(times, 95);
    console.info(
      `/api/health during ${results.length} checks of a 3 GB file: ${times.length} requests, p50 ${percentile(times, 50).toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    );
    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(new Set(results.map((r) => `${r.outcome} ${r.problem}`))).toEqual(new Set(['refused content.packCorrupt']));
    expect(times.length).toBeGreaterThanOrEqual(100);
    expect(p95).toBeLessThan(100);
    // Nothing of the large file was copied into the data folder.
    expect(existsSync(join(packDirs(dataDir).incoming, packFileName))).toBe(false);
  }, 120_000);
});
