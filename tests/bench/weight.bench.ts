// Weight: what the first screen downloads (JavaScript and CSS, gzip), the whole renderer, the content pack, and a
// cold `content:build` (a fresh process, as on a release machine).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packFileName } from '../../common/content/pack-format';
import { median, type Measure } from './measure';

const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'dist', 'renderer');

/** The scripts and style sheets index.html loads before the first screen (entry, preloaded chunks, CSS). */
export function firstScreenFiles(indexHtml: string): string[] {
  const tags = indexHtml.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const wanted = tag.startsWith('<script') || /rel="(stylesheet|modulepreload)"/.test(tag);
    return url && wanted && /\.(js|css)$/.test(url) ? [url.replace(/^\//, '')] : [];
  });
}

const gzipBytes = (file: string): number => gzipSync(readFileSync(file)).length;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function coldContentBuildMs(): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'build', 'scripts', 'content-build.ts')],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`content:build failed: ${run.stderr}`);
  return performance.now() - started;
}

export function benchWeight(contentBuilds: number): Measure[] {
  const kb = (bytes: number) => Math.round(bytes / 100) / 10;
  const first = firstScreenFiles(readFileSync(join(rendererDir, 'index.html'), 'utf8')).map((file) => join(rendererDir, file));
  const all = filesUnder(rendererDir);
  const builds = Array.from({ length: contentBuilds }, coldContentBuildMs);
  return [
    {
      section: 'Weight',
      name: 'first screen JS + CSS, gzip',
      value: kb(first.reduce((sum, file) => sum + gzipBytes(file), 0)),
      unit: 'kB',
      budget: 120,
    },
    {
      section: 'Weight',
      name: 'first screen JS + CSS, raw',
      value: kb(first.reduce((sum, file) => sum + statSync(file).size, 0)),
      unit: 'kB',
    },
    {
      section: 'Weight',
      name: 'whole renderer (fonts, pictograms, lazy chunks), raw',
      value: kb(all.reduce((sum, file) => sum + statSync(file).size, 0)),
      unit: 'kB',
    },
    { section: 'Weight', name: 'content pack', value: kb(statSync(join(root, 'dist', 'content', packFileName)).size), unit: 'kB' },
    { section: 'Weight', name: 'cold content:build (median)', value: Math.round(median(builds)), unit: 'ms', samples: builds.length },
  ];
}
