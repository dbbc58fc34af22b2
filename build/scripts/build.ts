// Builds the renderer (Vite) and the main-process bundles (esbuild) into dist/, skipping what is up to date.
import { build as esbuild, type BuildOptions } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build as viteBuild } from 'vite';
import { buildContentPack } from './content-build';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const stampFile = join(dist, 'build-stamp.json');

/** Files whose change makes a part of the build stale. */
const inputs = {
  renderer: ['renderer', 'content/pictograms', 'main/api', 'vite.config.ts', 'package.json'],
  main: ['main', 'package.json'],
  content: ['content', 'build/content', 'main/content', 'main/db/content-pack-format.ts', 'main/services/search-text.ts'],
} as const;
type Part = keyof typeof inputs;

function fingerprint(paths: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(join(path, name));
    } else {
      hash.update(`${relative(root, full)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  paths.forEach(walk);
  return hash.digest('hex');
}

async function buildRenderer(): Promise<void> {
  // Always the production bundle: a build started from inside a test runner (NODE_ENV=test) would otherwise be a
  // mixed one (React's development JSX against its production runtime, react-aria's injected <style> left out).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildMain(): Promise<void> {
  const common = {
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
  } satisfies BuildOptions;
  await esbuild({
    ...common,
    entryPoints: { start: 'main/launcher/start.ts', electron: 'main/electron/main.ts' },
    absWorkingDir: root,
  });
  // The preload runs sandboxed: one file, requiring nothing but `electron`.
  await esbuild({ ...common, entryPoints: { preload: 'main/electron/preload.ts' }, absWorkingDir: root, target: 'chrome120' });
}

async function buildContent(): Promise<void> {
  buildContentPack(join(root, 'content'), join(dist, 'content'));
}

export async function buildIfStale(options: { force?: boolean; quiet?: boolean } = {}): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const previous: Partial<Record<Part, string>> = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
  const next: Record<Part, string> = {
    renderer: fingerprint(inputs.renderer),
    main: fingerprint(inputs.main),
    content: fingerprint(inputs.content),
  };
  const outputs: Record<Part, string> = {
    renderer: join(dist, 'renderer', 'index.html'),
    main: join(dist, 'main', 'start.cjs'),
    content: join(dist, 'content', 'content-pack.sqlite'),
  };
  const builders: Record<Part, () => Promise<void>> = { renderer: buildRenderer, main: buildMain, content: buildContent };
  for (const part of Object.keys(inputs) as Part[]) {
    if (!options.force && previous[part] === next[part] && existsSync(outputs[part])) continue;
    const started = performance.now();
    await builders[part]();
    if (!options.quiet) process.stdout.write(`built ${part} in ${Math.round(performance.now() - started)} ms\n`);
    writeFileSync(stampFile, JSON.stringify({ ...previous, [part]: next[part] }, null, 2));
    previous[part] = next[part];
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await buildIfStale({ force: process.argv.includes('--force') });
}
