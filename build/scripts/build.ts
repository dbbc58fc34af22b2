// Builds the renderer (Vite) and the main-process bundles (esbuild) into dist/, skipping what is up to date.
// A part is stale when any file its bundler actually read has changed: the bundlers' own module graphs are
// recorded with each build, so no list of inputs is kept by hand.
import { build as esbuild, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { build as viteBuild, type Rollup } from 'vite';
import { buildContentPack } from './content-build';
import { buildStaticHome } from './static-home-build';

const projectRoot = join(import.meta.dirname, '..', '..');

const parts = ['renderer', 'main', 'content'] as const;
export type BuildPart = (typeof parts)[number];

/**
 * Inputs no module graph shows: build configuration, files found by a glob, and the content sources. The content
 * compiler runs in this process, so its code inputs are its folders (it imports only them and `common/`).
 */
const fixedInputs: Record<BuildPart, readonly string[]> = {
  renderer: [
    'vite.config.ts',
    'renderer/i18n/first-screen-texts.ts',
    'package-lock.json',
    'content/pictograms',
    'renderer/public',
    'build/scripts/static-home-build.ts',
    'build/content/pictogram-check.ts',
  ],
  main: ['build/scripts/build.ts', 'package-lock.json'],
  content: ['content', 'build/content', 'build/scripts/content-build.ts', 'common'],
};

interface Stamp {
  /** Project-relative files the part's last build read. */
  readonly inputs: readonly string[];
  readonly fingerprint: string;
}

function fingerprint(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) {
      hash.update(`${path}:missing\n`);
      return;
    }
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(join(path, name));
    } else {
      hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  [...new Set(paths)].sort().forEach(walk);
  return hash.digest('hex');
}

/** Keeps the project's own files of a module graph (not node_modules, not virtual modules). */
function projectFiles(root: string, ids: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const id of ids) {
    const path = id.replace(/[?#].*$/, '').replace(/^\0+/, '');
    const full = isAbsolute(path) ? path : join(root, path);
    const rel = relative(root, full);
    if (rel.startsWith('..') || rel.split(/[\\/]/).includes('node_modules') || !existsSync(full)) continue;
    files.add(rel.split('\\').join('/'));
  }
  return [...files].sort();
}

async function buildRenderer(root: string): Promise<string[]> {
  // Always the production bundle: a build started from inside a test runner (NODE_ENV=test) would otherwise be a
  // mixed one (React's development JSX against its production runtime, react-aria's injected <style> left out).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof viteBuild>>;
  try {
    result = await viteBuild({ root: join(root, 'renderer'), configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const ids = outputs.flatMap((output) => output.output.flatMap((chunk) => (chunk.type === 'chunk' ? Object.keys(chunk.modules) : [])));
  // The home screen as HTML, per language, its pictograms drawn inline.
  const staticInputs = await buildStaticHome(root);
  return projectFiles(root, [...ids, ...staticInputs]);
}

/**
 * Zod's namespace object re-exports its messages in some forty languages (about 260 kB minified, nearly half of
 * the host bundle), which no bundler can leave out; the host reads only the English ones zod sets itself.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

async function buildMain(root: string): Promise<string[]> {
  const dist = join(root, 'dist');
  const shared = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: join(dist, 'main'),
    outExtension: { '.js': '.cjs' },
    loader: { '.sql': 'text' },
    external: ['better-sqlite3', 'electron'],
    logLevel: 'warning',
    legalComments: 'none',
    // A smaller bundle the host compiles faster at every start; names kept for the errors it logs.
    minify: true,
    keepNames: true,
    plugins: [zodEnglishOnly],
    metafile: true,
    absWorkingDir: root,
  } satisfies BuildOptions;
  const metafiles: Metafile[] = [];
  const hostBundles = await esbuild({
    ...shared,
    // start.cjs is a few lines that run the launcher (host.cjs) from V8's code cache (main/hosts/common/code-cache.ts).
    entryPoints: { start: 'main/hosts/launcher/entry.ts', host: 'main/hosts/launcher/start.ts', electron: 'main/hosts/electron/main.ts' },
  });
  metafiles.push(hostBundles.metafile);
  // The preload runs sandboxed: one file, requiring nothing but `electron`.
  const preload = await esbuild({ ...shared, entryPoints: { preload: 'main/hosts/electron/preload.ts' }, target: 'chrome120' });
  metafiles.push(preload.metafile);
  return projectFiles(
    root,
    metafiles.flatMap((metafile) => Object.keys(metafile.inputs)),
  );
}

async function buildContent(root: string): Promise<string[]> {
  buildContentPack(join(root, 'content'), join(root, 'dist', 'content'));
  return [];
}

const builders: Record<BuildPart, (root: string) => Promise<string[]>> = {
  renderer: buildRenderer,
  main: buildMain,
  content: buildContent,
};
const outputs: Record<BuildPart, string> = {
  renderer: join('dist', 'renderer', 'index.html'),
  main: join('dist', 'main', 'start.cjs'),
  content: join('dist', 'content', 'content-pack.sqlite'),
};

/** Builds every stale part; returns the parts it built. `root` is the project folder (tests build a copy). */
export async function buildIfStale(options: { force?: boolean; quiet?: boolean; root?: string } = {}): Promise<BuildPart[]> {
  const root = options.root ?? projectRoot;
  const dist = join(root, 'dist');
  const stampFile = join(dist, 'build-stamp.json');
  mkdirSync(dist, { recursive: true });
  const stamps = readStamps(stampFile);
  const built: BuildPart[] = [];
  for (const part of parts) {
    const previous = stamps[part];
    const fresh =
      previous !== undefined &&
      existsSync(join(root, outputs[part])) &&
      fingerprint(root, [...previous.inputs, ...fixedInputs[part]]) === previous.fingerprint;
    if (fresh && !options.force) continue;
    const started = performance.now();
    const inputs = await builders[part](root);
    if (!options.quiet) process.stdout.write(`built ${part} in ${Math.round(performance.now() - started)} ms\n`);
    stamps[part] = { inputs, fingerprint: fingerprint(root, [...inputs, ...fixedInputs[part]]) };
    writeFileSync(stampFile, JSON.stringify(stamps, null, 2));
    built.push(part);
  }
  return built;
}

function readStamps(file: string): Partial<Record<BuildPart, Stamp>> {
  if (!existsSync(file)) return {};
  try {
    const stamps = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<BuildPart, unknown>>;
    const valid: Partial<Record<BuildPart, Stamp>> = {};
    for (const part of parts) {
      const stamp = stamps[part] as Stamp | undefined;
      if (stamp && Array.isArray(stamp.inputs) && typeof stamp.fingerprint === 'string') valid[part] = stamp;
    }
    return valid;
  } catch {
    return {};
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await buildIfStale({ force: process.argv.includes('--force') });
}
