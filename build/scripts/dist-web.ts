// `npm run dist:web [-- --out=DIR]`: the browser-kiosk mode as one tarball, release/passerelle-sante-web-<version>.tar.gz:
// the web host (one bundled file), the renderer, the content pack, the database module already built, the systemd
// unit, Chromium's managed policies and the docs. On the kiosk it needs only Node.js of the same major version and
// Chromium: no npm, no compiler.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfStale } from './build';

const root = join(import.meta.dirname, '..', '..');

/** The database module and what it requires at run time: its compiled addon, not its sources or build tools. */
const runtimeModules: readonly (readonly [string, readonly string[]])[] = [
  ['better-sqlite3', ['package.json', 'LICENSE', 'lib', 'build/Release/better_sqlite3.node']],
  ['bindings', ['package.json', 'LICENSE.md', 'bindings.js']],
  ['file-uri-to-path', ['package.json', 'LICENSE', 'index.js']],
];

export function webTarballName(version: string): string {
  return `passerelle-sante-web-${version}`;
}

export async function buildWebTarball(outDir: string): Promise<string> {
  await buildIfStale({ quiet: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; description: string };
  const name = webTarballName(pkg.version);
  const stage = join(outDir, `.stage-${process.pid}`);
  const top = join(stage, name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(top, 'dist', 'main'), { recursive: true });
  try {
    // The launcher and the entry that runs it; not the code cache a local start wrote (it belongs to this Node).
    for (const file of ['start.cjs', 'host.cjs']) cpSync(join(root, 'dist', 'main', file), join(top, 'dist', 'main', file));
    cpSync(join(root, 'dist', 'renderer'), join(top, 'dist', 'renderer'), { recursive: true, filter: (src) => !src.endsWith('.map') });
    cpSync(join(root, 'dist', 'content'), join(top, 'dist', 'content'), { recursive: true });
    for (const [module, files] of runtimeModules) {
      for (const file of files) {
        const from = join(root, 'node_modules', module, file);
        if (existsSync(from)) cpSync(from, join(top, 'node_modules', module, file), { recursive: true });
        else if (file !== 'LICENSE' && file !== 'LICENSE.md') throw new Error(`${module}/${file} is missing: run npm install first`);
      }
    }
    cpSync(join(root, 'build', 'systemd'), join(top, 'systemd'), { recursive: true });
    chmodSync(join(top, 'systemd', 'chromium-in-cage'), 0o755);
    // Chromium's managed policies for the kiosk: installed by the set-up in /etc/chromium/policies/managed/ (docs/deploy.md).
    cpSync(join(root, 'build', 'chromium-policy'), join(top, 'chromium-policy'), { recursive: true });
    for (const doc of ['deploy.md', 'configuration.md', 'config.example.json', 'config.schema.json'])
      cpSync(join(root, 'docs', doc), join(top, 'docs', doc));
    writeFileSync(
      join(top, 'package.json'),
      `${JSON.stringify({ name: 'passerelle-sante-web', version: pkg.version, private: true, description: pkg.description, scripts: { start: 'node dist/main/start.cjs' }, engines: { node: `>=${process.versions.node.split('.')[0]}` } }, null, 2)}\n`,
    );
    // The addon works with this Node major version (ABI) on this system and processor only: written down for the kiosk.
    writeFileSync(
      join(top, 'BUILD-INFO.json'),
      `${JSON.stringify({ version: pkg.version, node: process.versions.node, nodeAbi: process.versions.modules, platform: process.platform, arch: process.arch, builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
    mkdirSync(outDir, { recursive: true });
    const tarball = join(outDir, `${name}.tar.gz`);
    const tar = spawnSync('tar', ['-czf', tarball, '--owner=0', '--group=0', '-C', stage, name], { stdio: 'inherit' });
    if (tar.status !== 0) throw new Error('tar failed: it is needed to make the tarball (it is on every Linux system)');
    return tarball;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const tarball = await buildWebTarball(values.out ?? join(root, 'release'));
  process.stdout.write(`Wrote ${tarball}\nOn the kiosk: tar -xzf it, then see docs/deploy.md (browser-kiosk mode).\n`);
}
