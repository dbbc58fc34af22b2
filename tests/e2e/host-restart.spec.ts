// A main-process error that nothing caught: the web host logs it (kind and place, not its message), then a fresh
// copy of itself serves the kiosk again. The error is thrown for real in the real host process, from a preload
// script that fires once (the fresh copy, which carries a restart count, is left alone).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** The pids of processes whose command line holds `marker` (Linux /proc). */
const processesWith = (marker: string): number[] =>
  readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);

test('an uncaught error in the web host is logged without its message, and a fresh host serves again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-restart-'));
  const thrower = join(dataDir, 'throw-once.cjs');
  writeFileSync(
    thrower,
    "if (!process.env.PASSERELLE_HOST_RESTARTS) setTimeout(() => { throw new Error('canary-restart-5150'); }, 1500);\n",
  );
  const child = spawn(
    process.execPath,
    ['-r', thrower, 'dist/main/start.cjs', '--host=web', '--port=0', '--no-browser', `--data-dir=${dataDir}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PASSERELLE_HOST_RESTARTS: '', INVOCATION_ID: '' },
    },
  );
  try {
    let output = '';
    const urls: string[] = [];
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      urls.splice(0, urls.length, ...[...output.matchAll(/running at (http:\/\/\S+)/g)].map((m) => m[1] ?? ''));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    await expect.poll(() => urls.length, { timeout: 15_000, message: output }).toBeGreaterThanOrEqual(1);
    const first = urls[0] ?? '';
    // The first host fails, exits, and the second one starts on its own.
    await expect.poll(() => urls.length, { timeout: 15_000, message: output }).toBe(2);
    const second = urls[1] ?? '';
    expect(second).not.toBe(first);
    expect(child.exitCode).toBe(0);
    const health = (await (await fetch(new URL('/api/health', second))).json()) as { status?: string; db?: unknown };
    expect(JSON.stringify(health)).toMatch(/version/);
    await expect(fetch(new URL('/api/health', first))).rejects.toThrow();

    const log = readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8');
    const events = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; kind?: string });
    expect(events.find((e) => e.event === 'host.uncaught')?.kind).toBe('Error');
    expect(events.some((e) => e.event === 'host.restart')).toBe(true);
    expect(log).not.toContain('canary-restart-5150');
  } finally {
    child.kill('SIGTERM');
    for (const pid of processesWith(`--data-dir=${dataDir}`)) process.kill(pid, 'SIGTERM');
    await expect.poll(() => processesWith(`--data-dir=${dataDir}`).length, { timeout: 10_000 }).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
