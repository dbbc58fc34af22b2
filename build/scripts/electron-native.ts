// `npm run electron:rebuild`: builds better-sqlite3 for Electron's ABI into .cache/electron-native,
// leaving node_modules' own build (used by Node, the web host and the tests) untouched. Needs internet
// (node-gyp downloads Electron's headers).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const work = join(root, '.cache', 'electron-native', 'better-sqlite3');
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string })
  .version;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
});
const gyp = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp');
const result = spawnSync(
  gyp,
  ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  {
    cwd: work,
    stdio: 'inherit',
  },
);
if (result.status !== 0) {
  process.stderr.write('Building better-sqlite3 for Electron failed: this needs internet access to fetch Electron headers.\n');
  process.exit(1);
}
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(root, '.cache', 'electron-native', 'better_sqlite3.node'));
process.stdout.write(`better-sqlite3 built for Electron ${electronVersion}.\n`);
