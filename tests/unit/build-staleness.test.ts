// `npm start` and `npm test` rebuild a bundle when any file its bundler read has changed: a change in common/ reaches
// the renderer (it once ran an old renderer after a change to the inline format).
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../build/scripts/build';

const projectRoot = join(import.meta.dirname, '..', '..');
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'passerelle-build-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '');
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      copyFileSync(join(projectRoot, file), join(copy, file));
    } catch {
      // A file deleted in the working tree but still in the index: the copy goes without it, as a checkout would.
    }
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the build', () => {
  it('builds every part once, then nothing while no input changes', async () => {
    expect(await buildIfStale({ root: copy, quiet: true })).toEqual(['renderer', 'main', 'content']);
    expect(await buildIfStale({ root: copy, quiet: true })).toEqual([]);
  }, 120_000);

  it('rebuilds the renderer (and main) when a common/ file they bundle changes', async () => {
    // The inline nodes' schema: both bundles read it (the renderer renders them, main checks a pack's rows).
    appendFileSync(join(copy, 'common', 'content', 'inline-nodes.ts'), '\n// changed by the staleness test\n');
    const built = await buildIfStale({ root: copy, quiet: true });
    expect(built).toContain('renderer');
    expect(built).toContain('main');
  }, 120_000);

  it('leaves the renderer alone when only a main-process file changes', async () => {
    appendFileSync(join(copy, 'main', 'core', 'log.ts'), '\n// changed by the staleness test\n');
    expect(await buildIfStale({ root: copy, quiet: true })).toEqual(['main']);
  }, 120_000);

  it('writes the home page rendered at build time in each language, and renders it again when its markup changes', async () => {
    for (const locale of ['fr', 'en', 'ar']) expect(existsSync(join(copy, 'dist', 'renderer', `home.${locale}.html`))).toBe(true);
    appendFileSync(join(copy, 'renderer', 'screens', 'home', 'HomeStatic.tsx'), '\n// changed by the staleness test\n');
    expect(await buildIfStale({ root: copy, quiet: true })).toEqual(['renderer']);
    appendFileSync(join(copy, 'build', 'scripts', 'static-home-build.ts'), '\n// changed by the staleness test\n');
    expect(await buildIfStale({ root: copy, quiet: true })).toEqual(['renderer']);
  }, 120_000);
});
