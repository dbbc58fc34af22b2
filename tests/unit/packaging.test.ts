// electron-builder.yml: valid against the schema shipped with electron-builder, and packing everything the app loads
// at run time (main entry, preload, renderer, fonts, the content pack beside the asar, the icon).
import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../build/scripts/build';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  asarUnpack: string[];
  icon: string;
  linux: { target: string[] };
  win: { target: string[] };
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };

/** Every file under `dir`, relative to the project, with forward slashes as in electron-builder's patterns. */
function filesUnder(dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(join(root, path)).isFile())
    .map((path) => path.split(sep).join('/'));
}

/** What electron-builder puts in the app: patterns in order, a "!" pattern taking out what earlier ones matched. */
function packed(candidates: readonly string[]): Set<string> {
  const chosen = new Set<string>();
  for (const file of candidates) {
    let keep = false;
    for (const pattern of config.files) {
      if (pattern.startsWith('!')) keep &&= !minimatch(file, pattern.slice(1), { dot: true });
      else keep ||= minimatch(file, pattern, { dot: true });
    }
    if (keep) chosen.add(file);
  }
  return chosen;
}

describe('electron-builder.yml', () => {
  beforeAll(async () => {
    await buildIfStale({ quiet: true });
  }, 120_000);

  it('is valid against the schema shipped with electron-builder', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // And the schema does catch a mistake, so the check above means something.
    expect(validate({ ...config, linux: { ...config.linux, tragets: ['deb'] } })).toBe(false);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, with an icon of 512 × 512', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    const png = readFileSync(join(root, config.icon));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('packs the main entry, the preload, the renderer and its fonts, and nothing of the sources or source maps', () => {
    const files = packed([...filesUnder('dist'), 'package.json', ...filesUnder('main'), ...filesUnder('renderer')]);
    const electronMain = readFileSync(join(root, 'main', 'hosts', 'electron', 'main.ts'), 'utf8');
    // What main/hosts/electron/main.ts loads, relative to its own bundle in dist/main.
    expect(electronMain).toContain("join(__dirname, 'preload.cjs')");
    expect(electronMain).toContain("join(__dirname, '..', 'renderer')");
    const needed = [pkg.main, 'dist/main/preload.cjs', 'dist/renderer/index.html', 'package.json'];
    expect(needed.filter((file) => !files.has(file))).toEqual([]);
    const assets = [...files].filter((f) => f.startsWith('dist/renderer/assets/'));
    expect(assets.some((f) => /atkinson-hyperlegible-.*\.woff2$/.test(f))).toBe(true);
    expect(assets.some((f) => /noto-sans-arabic-.*\.woff2$/.test(f))).toBe(true);
    // Every script and font the renderer's page asks for is packed.
    const html = readFileSync(join(root, 'dist', 'renderer', 'index.html'), 'utf8');
    for (const [, ref] of html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)) expect(files.has(`dist/renderer/${ref}`), ref).toBe(true);
    expect([...files].filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.tsx'))).toEqual([]);
  });

  it('ships the content pack beside the asar, where the packaged app looks for it', () => {
    const electronMain = readFileSync(join(root, 'main', 'hosts', 'electron', 'main.ts'), 'utf8');
    const where = /join\(process\.resourcesPath, '([^']+)'\)/.exec(electronMain)?.[1];
    const pack = config.extraResources.find((r) => r.to === where);
    expect(pack, `an extraResources entry to "${where}"`).toBeDefined();
    expect(pack?.from).toBe('dist/content');
    for (const file of ['content-pack.sqlite', 'content-pack.manifest.json']) {
      expect(pack?.filter).toContain(file);
      expect(existsSync(join(root, 'dist', 'content', file)), file).toBe(true);
    }
  });

  it('keeps better-sqlite3 out of the asar, to be loaded as a native module', () => {
    expect(config.asarUnpack.some((p) => minimatch('node_modules/better-sqlite3/build/Release/better_sqlite3.node', p))).toBe(true);
  });
});
