// A main-process error that nothing caught: the web host logs it (kind and place, not its message), then a fresh
// copy of itself serves the kiosk again. The error is thrown for real in the real host process, from a preload
// script, when the test sends SIGUSR2 (the fresh copy, which carries a restart count, is left alone). Every process of a test
// carries a tag of its own, so the copies are found (and ended) whatever their command line.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { endLeftovers, processesTagged } from '../../build/scripts/tagged-processes';
import { hostProcessEnvironment } from '../../main/hosts/common/host-environment';
import { descendants } from '../bench/browser-processes';
import { hostTagVariable, startHost, stopHost } from './host-process';

/** A preload script that throws an error nothing catches on SIGUSR2 (not in the copy the host restarts as). */
function throwOnSignal(dataDir: string): string {
  const thrower = join(dataDir, 'throw-on-signal.cjs');
  writeFileSync(
    thrower,
    "if (!process.env.PASSERELLE_HOST_RESTARTS) process.on('SIGUSR2', () => setImmediate(() => { throw new Error('canary-restart-5150'); }));\n",
  );
  return thrower;
}

/** The real host, which throws when sent SIGUSR2; started by hand, without the environment the service unit gives it. */
function hostThatThrows(dataDir: string, tag: string) {
  const thrower = throwOnSignal(dataDir);
  const byHand = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in hostProcessEnvironment)));
  return spawn(
    process.execPath,
    ['-r', thrower, 'dist/main/start.cjs', '--host=web', '--port=0', '--no-browser', `--data-dir=${dataDir}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...byHand, PASSERELLE_HOST_RESTARTS: '', INVOCATION_ID: '', [hostTagVariable]: tag },
    },
  );
}

/** A process's environment as the kernel gives it. */
const environmentOf = (pid: number) =>
  Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );

const logEvents = (dataDir: string) =>
  readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; kind?: string });

test('an uncaught error in the web host is logged without its message, and a fresh host serves again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-restart-'));
  const tag = randomUUID();
  const child = hostThatThrows(dataDir, tag);
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
    const firstEnvironment = environmentOf(child.pid ?? 0);
    child.kill('SIGUSR2');
    // The first host fails, exits, and the second one starts on its own.
    await expect.poll(() => urls.length, { timeout: 15_000, message: output }).toBe(2);
    const second = urls[1] ?? '';
    expect(second).not.toBe(first);
    expect(child.exitCode).toBe(0);
    const health = (await (await fetch(new URL('/api/health', second))).json()) as { status?: string; db?: unknown };
    expect(JSON.stringify(health)).toMatch(/version/);
    await expect(fetch(new URL('/api/health', first))).rejects.toThrow();

    const events = logEvents(dataDir);
    expect(events.find((e) => e.event === 'host.uncaught')?.kind).toBe('Error');
    expect(events.some((e) => e.event === 'host.restart')).toBe(true);
    expect(readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8')).not.toContain('canary-restart-5150');
    // The copy is the one host left of this test, and nothing of the first one is left beside it: every other process
    // of this test is the copy's own (its start's voice check, which runs longer on a slower machine), and stops with it.
    const tagged = processesTagged(hostTagVariable, tag);
    const hosts = tagged.filter((p) => p.cmdline.includes('dist/main/start.cjs'));
    expect(hosts).toHaveLength(1);
    const [copy] = hosts;
    const itsOwn = new Set((descendants(copy?.pid ?? 0) ?? []).map((p) => p.pid));
    const leftBehind = tagged.filter((p) => p.pid !== copy?.pid && !itsOwn.has(p.pid) && existsSync(`/proc/${p.pid}`));
    expect(leftBehind.map((p) => p.cmdline)).toEqual([]);
    // The copy starts as the service unit starts the host (two malloc arenas), though the first was started by hand.
    expect(firstEnvironment).not.toMatchObject(hostProcessEnvironment);
    expect(environmentOf(copy?.pid ?? 0)).toMatchObject(hostProcessEnvironment);
  } finally {
    child.kill('SIGTERM');
    for (const { pid } of processesTagged(hostTagVariable, tag)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Ended between the listing and the signal (the copy's voice check, a short-lived child).
      }
    }
    await expect.poll(() => processesTagged(hostTagVariable, tag).length, { timeout: 10_000 }).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a host asked to stop while it waits to restart after an error stops, and starts no copy of itself', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-restart-stop-'));
  const tag = randomUUID();
  const child = hostThatThrows(dataDir, tag);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: 15_000 }).toContain('running at');
    child.kill('SIGUSR2');
    // The error, then the wait before the copy (a second the first time): a stop asked for then must win.
    await expect.poll(() => logEvents(dataDir).some((e) => e.event === 'host.restart'), { timeout: 15_000, message: output }).toBe(true);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // Longer than the restart delay: a copy, had one been started, would be there by now.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(processesTagged(hostTagVariable, tag)).toEqual([]);
    expect(output.match(/running at/g)).toHaveLength(1);
  } finally {
    child.kill('SIGKILL');
    await endLeftovers(hostTagVariable, tag, 0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('stopping a test host also ends the copy it started of itself after an error', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-restart-copy-'));
  const host = await startHost(dataDir, [], ['-r', throwOnSignal(dataDir)]);
  try {
    host.process.kill('SIGUSR2');
    // The first host fails and exits; its copy (another process, same tag) serves on.
    await expect.poll(() => host.process.exitCode, { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => processesTagged(hostTagVariable, host.tag).filter((p) => p.cmdline.includes('dist/main/start.cjs')).length, {
        timeout: 15_000,
      })
      .toBe(1);
    await stopHost(host);
    expect(processesTagged(hostTagVariable, host.tag)).toEqual([]);
  } finally {
    await endLeftovers(hostTagVariable, host.tag, 0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
