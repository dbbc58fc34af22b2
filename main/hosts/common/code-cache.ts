// Runs a CommonJS bundle with V8's code cache, the way `dist/main/start.cjs` runs the launcher (`host.cjs`): the
// compiled code of a previous start is read back instead of compiling the bundle again. On this 2-core machine that
// is about 20 ms of the host's start when quiet, 60–90 ms when busy; a kiosk's thin client gains more.
// The cache is written by the first start of a bundle, once it has done its first work (the functions it ran are in
// the cache too), and is used only by the same bundle (size and time of the file) on the same Node and architecture;
// V8 checks its own version and flags again, but not its data: V8 crashes the process on a damaged cache (a
// segmentation fault, seen here), so the cache carries its own SHA-256 and a damaged one is never given to V8.
// Anything wrong with the cache means a normal start, never a failed one.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** `used`: the start read the cache; `absent`: there was none for this bundle; `refused`: damaged, or V8 said no. */
export type CodeCacheOutcome = 'used' | 'absent' | 'refused';

export interface CodeCacheStart {
  readonly outcome: CodeCacheOutcome;
  /** Resolves once the cache is written (a start that did not use one writes one): with its file, or null. */
  readonly written: Promise<string | null>;
}

export interface CodeCacheOptions {
  /** Where the cache lives: the service's cache directory (systemd's CacheDirectory), else beside the bundle. */
  readonly cacheDir: string;
  /** How long after the start the cache is written (the functions the start ran are compiled by then). */
  readonly writeAfterMs: number;
  /**
   * V8 flags the bundle runs with: set once its code is compiled (V8 checks its flags against the cache's when it
   * reads one), and given back their default values while the cache is written, so that the next start, which
   * compiles before it sets them, can read it. `defaults` gives every flag of `set` its V8 default.
   */
  readonly flags?: { readonly set: string; readonly defaults: string };
}

/** How long after its start the launcher writes its cache (`entry.ts`); the bench waits for it too. */
export const codeCacheWriteAfterMs = 2000;

/** What a cache must belong to, written at its head: this bundle file, this Node, this architecture. */
export function codeCacheKey(bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  return `passerelle code cache 1 ${process.version} ${process.arch} ${size} ${mtimeMs}\n`;
}

const digest = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The cache's data for this key: null when there is none for it, 'damaged' when its data is not what was written. */
function readCache(file: string, key: string): Buffer | 'damaged' | null {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return null;
  }
  // The key's line, then the data's SHA-256 (64 hex digits) and a line feed, then the data.
  const head = Buffer.from(key);
  if (!content.subarray(0, head.length).equals(head)) return null;
  const sum = content.subarray(head.length, head.length + 64).toString('latin1');
  const data = content.subarray(head.length + 65);
  return digest(data) === sum ? data : 'damaged';
}

/** Where a start keeps its cache: systemd's CacheDirectory= (the kiosk user may not write where the app is installed), else beside the bundle. */
export const codeCacheDir = (env: NodeJS.ProcessEnv, bundleDir: string): string => env['CACHE_DIRECTORY']?.split(':')[0] || bundleDir;

const cacheFileOf = (bundle: string, cacheDir: string): string => join(cacheDir, `${basename(bundle)}.v8cache`);

/** Whether `cacheDir` holds a whole cache written for this very bundle: what a start would hand to V8. */
export function hasCodeCache(bundle: string, cacheDir: string): boolean {
  return readCache(cacheFileOf(bundle, cacheDir), codeCacheKey(bundle)) instanceof Buffer;
}

/** Written beside, then renamed: a host reading it meanwhile (two starting at once) reads a whole file or none. */
function writeCache(file: string, key: string, data: Buffer): string | null {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.concat([Buffer.from(`${key}${digest(data)}\n`), data]));
    renameSync(partial, file);
    return file;
  } catch {
    // A read-only installation without a cache directory: every start compiles, as without this.
    return null;
  }
}

/** Runs `bundle` as Node would run it as a main module (its own `require`, `module`, `__dirname`). */
export function runWithCodeCache(bundle: string, options: CodeCacheOptions): CodeCacheStart {
  const source = readFileSync(bundle, 'utf8');
  const key = codeCacheKey(bundle);
  const cacheFile = cacheFileOf(bundle, options.cacheDir);
  const cached = readCache(cacheFile, key);
  const cachedData = cached instanceof Buffer ? cached : undefined;
  const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const outcome: CodeCacheOutcome =
    cached === null ? 'absent' : cached === 'damaged' || script.cachedDataRejected === true ? 'refused' : 'used';
  const written = new Promise<string | null>((resolve) => {
    // Does not keep a command that is done (journal-verify, figures-merge) from exiting.
    setTimeout(() => {
      if (outcome === 'used') return resolve(null);
      if (options.flags) setFlagsFromString(options.flags.defaults);
      const data = script.createCachedData();
      if (options.flags) setFlagsFromString(options.flags.set);
      resolve(writeCache(cacheFile, key, data));
    }, options.writeAfterMs).unref();
  });
  const module = new Module(bundle);
  module.filename = bundle;
  const require = createRequire(bundle);
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, require, module, bundle, dirname(bundle));
  // After the bundle's first synchronous run: the built-in modules it loads at once are read from Node's own cache.
  if (options.flags) setFlagsFromString(options.flags.set);
  return { outcome, written };
}
