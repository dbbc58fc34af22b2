// The launcher's entry runs its bundle from V8's code cache: a second start reads what the first wrote, a changed
// bundle or a damaged cache means a normal start (and a fresh cache), never a failed one. Each start is its own Node
// process, as a kiosk's starts are (in one process V8 would find the script in its memory and ignore any cache).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCacheDir, codeCacheKey, hasCodeCache } from '../../main/hosts/common/code-cache';
import { steadyYoungGeneration } from '../../main/hosts/launcher/v8-flags';

const codeCacheModule = fileURLToPath(new URL('../../main/hosts/common/code-cache.ts', import.meta.url));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Ran {
  runs: number;
  dirname: string;
  filename: string;
  fromDep: string;
  exported: unknown;
}
interface Start {
  outcome: string;
  written: string | null;
  /** V8's tag for code caches once the start is settled: it changes with V8's flags. */
  tag: number;
  probe: Ran;
}

/** One start of `bundle` in a fresh Node process, as the entry does it (with the entry's V8 flags, or none). */
function start(bundle: string, cacheDir: string, flags: typeof steadyYoungGeneration | null = steadyYoungGeneration): Start {
  const script = `const { runWithCodeCache } = await import(${JSON.stringify(codeCacheModule)});
const start = runWithCodeCache(${JSON.stringify(bundle)}, { cacheDir: ${JSON.stringify(cacheDir)}, writeAfterMs: 0${flags ? `, flags: ${JSON.stringify(flags)}` : ''} });
// The cache's timer does not hold a process open (a command that is done exits): this one waits for it.
const open = setInterval(() => undefined, 1000);
const written = await start.written;
clearInterval(open);
const tag = (await import('node:v8')).cachedDataVersionTag();
console.log(JSON.stringify({ outcome: start.outcome, written, tag, probe: globalThis.codeCacheProbe }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the start failed (${run.status ?? run.signal}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as Start;
}

/** A bundle that says where it ran and what its own `require` and `module` gave it. */
function writeBundle(dir: string, greeting: string): string {
  writeFileSync(join(dir, 'dep.cjs'), `module.exports = 'dep of ' + require('node:path').basename(__dirname);`);
  const bundle = join(dir, 'host.cjs');
  writeFileSync(
    bundle,
    `const probe = (globalThis.codeCacheProbe ??= { runs: 0 });
probe.runs += 1;
probe.dirname = __dirname;
probe.filename = __filename;
probe.fromDep = require('./dep.cjs');
module.exports = { greeting: ${JSON.stringify(greeting)}, work: (n) => Array.from({ length: n }, (_, i) => i * i).reduce((a, b) => a + b, 0) };
probe.exported = module.exports.greeting + ' ' + module.exports.work(10);
`,
  );
  return bundle;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-code-cache-'));
  dirs.push(dir);
  return dir;
}

describe('runWithCodeCache', () => {
  it('runs the bundle as a main module; the first start writes a cache the second one uses', () => {
    const dir = tempDir();
    const bundle = writeBundle(dir, 'bonjour');
    expect(hasCodeCache(bundle, dir)).toBe(false);
    const first = start(bundle, dir);
    expect(first.outcome).toBe('absent');
    expect(hasCodeCache(bundle, dir)).toBe(true);
    expect(first.probe).toEqual({
      runs: 1,
      dirname: dir,
      filename: bundle,
      fromDep: `dep of ${dir.split('/').pop()}`,
      exported: 'bonjour 285',
    });
    expect(first.written).toBe(join(dir, 'host.cjs.v8cache'));
    expect(
      readFileSync(first.written ?? '')
        .subarray(0, codeCacheKey(bundle).length)
        .toString(),
    ).toBe(codeCacheKey(bundle));

    const second = start(bundle, dir);
    expect(second.outcome).toBe('used');
    expect(second.written).toBeNull();
    // Both starts run under the entry's flags once the bundle has run, whatever they did with the cache.
    const plainTag = Number(spawnSync(process.execPath, ['-p', 'require("node:v8").cachedDataVersionTag()'], { encoding: 'utf8' }).stdout);
    expect(first.tag).not.toBe(plainTag);
    expect(second.tag).toBe(first.tag);
    expect(second.probe.exported).toBe('bonjour 285');
  });

  it('a rebuilt bundle of the same size does not run the old code: the cache is not used, and is written again', () => {
    const dir = tempDir();
    const bundle = writeBundle(dir, 'bonjour');
    start(bundle, dir);
    writeBundle(dir, 'au revoir'.slice(0, 'bonjour'.length));
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    expect(hasCodeCache(bundle, dir), 'the old cache is taken for the rebuilt bundle').toBe(false);
    const rebuilt = start(bundle, dir);
    expect(rebuilt.outcome).toBe('absent');
    expect(rebuilt.probe.exported).toBe('au revo 285');
    expect(rebuilt.written).not.toBeNull();
    expect(start(bundle, dir)).toMatchObject({ outcome: 'used', probe: { exported: 'au revo 285' } });
  });

  // A disk that went bad, a file cut short: V8 given such data crashes the process (a segmentation fault, before the
  // checksum), and a kiosk would then fail at every start.
  for (const [where, damage] of [
    ['in the middle of its data', (content: Buffer) => content.fill(0x5a, content.length >> 1, (content.length >> 1) + 64)],
    ['at the head of its data', (content: Buffer, head: number) => content.fill(0x5a, head + 65, head + 129)],
    ['cut short', (content: Buffer) => content.subarray(0, content.length - 100)],
  ] as const) {
    it(`a cache damaged ${where} is not given to V8: the start goes on from the source and writes a good one`, () => {
      const dir = tempDir();
      const bundle = writeBundle(dir, 'salut');
      const file = start(bundle, dir).written ?? '';
      writeFileSync(file, damage(readFileSync(file), codeCacheKey(bundle).length));
      expect(hasCodeCache(bundle, dir)).toBe(false);
      const damaged = start(bundle, dir);
      expect(damaged.outcome).toBe('refused');
      expect(damaged.probe.exported).toBe('salut 285');
      expect(damaged.written).toBe(file);
      expect(start(bundle, dir).outcome).toBe('used');
    });
  }

  it('a cache written by a start that runs under its own V8 flags is read by the next start, which compiles before it sets them', () => {
    // Written under those flags, V8 would refuse the cache at every start: the host would never start from it.
    const dir = tempDir();
    const bundle = writeBundle(dir, 'hola');
    expect(start(bundle, dir).outcome).toBe('absent');
    expect(start(bundle, dir).outcome).toBe('used');
    expect(start(bundle, dir, null).outcome, 'a start without flags reads it too').toBe('used');
  });

  it('a cache directory it cannot write to: the bundle runs all the same, nothing is written', () => {
    const dir = tempDir();
    const bundle = writeBundle(dir, 'hello');
    const started = start(bundle, join(dir, 'missing', 'dir'));
    expect(started).toMatchObject({ outcome: 'absent', written: null, probe: { exported: 'hello 285' } });
  });

  it("keeps its cache in systemd's cache directory when the service has one, else beside the bundle", () => {
    expect(codeCacheDir({ CACHE_DIRECTORY: '/var/cache/passerelle-sante' }, '/opt/app/dist/main')).toBe('/var/cache/passerelle-sante');
    expect(codeCacheDir({ CACHE_DIRECTORY: '/var/cache/a:/var/cache/b' }, '/opt/app/dist/main')).toBe('/var/cache/a');
    expect(codeCacheDir({ CACHE_DIRECTORY: '' }, '/opt/app/dist/main')).toBe('/opt/app/dist/main');
    expect(codeCacheDir({}, '/opt/app/dist/main')).toBe('/opt/app/dist/main');
  });
});
