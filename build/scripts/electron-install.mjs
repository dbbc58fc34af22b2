// Gets Electron's binary after `npm install` (and by hand: `npm run electron:install`). When it cannot be downloaded
// (no internet, a filtering proxy), it says so once, plainly, and the install still succeeds: `npm start` then runs
// the browser-kiosk mode, which needs no Electron. Plain Node on purpose: it runs before anything else is known to work.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// By hand, a failure is an error; after `npm install`, it is only a notice. `--check` downloads nothing (`npm run dist`).
const strict = process.argv.includes('--strict');
const checkOnly = process.argv.includes('--check');
const later =
  'To add Electron later, on a network that reaches its download site: npm run electron:install, then npm run electron:rebuild.';

const say = (text) => process.stdout.write(`${text}\n`);
const finish = (ok) => process.exit(ok || !strict ? 0 : 1);

const packageDir = electronPackageDir();
if (checkOnly) {
  if (electronBinary()) process.exit(0);
  say('npm run dist packages the Electron app, and Electron is not installed here (its download failed or was skipped at npm install).');
  say('On a machine with internet: npm run electron:install, then npm run dist again.');
  process.exit(1);
} else if (!packageDir) {
  // Older npm drops an optional dependency whose download failed: `npm install` brings it back.
  say(
    `Electron is not installed: the kiosk will run in the system's Chromium (browser-kiosk mode). ${later.replace('npm run electron:install', 'npm install')}`,
  );
  finish(false);
} else if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say(
    `Electron's download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set): the kiosk will run in the system's Chromium (browser-kiosk mode). ${later}`,
  );
  finish(false);
} else {
  // Electron's own installer: it honours ELECTRON_MIRROR, the npm proxy settings and its download cache.
  const run = spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, stdio: ['ignore', 'inherit', 'pipe'] });
  if (run.status === 0 && electronBinary()) finish(true);
  else {
    const why = firstLine(run.stderr?.toString() ?? '') || (run.error ? run.error.message : `its installer exited with ${run.status}`);
    say(`Electron could not be downloaded (${why}).`);
    say(`That is fine: npm start runs the kiosk in the system's Chromium instead (browser-kiosk mode). ${later}`);
    finish(false);
  }
}

function electronPackageDir() {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function electronBinary() {
  try {
    const path = createRequire(join(root, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function firstLine(text) {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0 && !line.startsWith('at ')) ?? ''
  ).slice(0, 200);
}
