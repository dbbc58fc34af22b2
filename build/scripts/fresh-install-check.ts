// `npm run check:fresh-install`: a new site's set-up where Electron cannot be downloaded, as its IT volunteer meets it:
// a clean clone, `npm ci` with Electron's download made to fail (an unreachable mirror, an empty download cache), then
// `npm start -- --no-browser` must fall back to the browser-kiosk mode, say why once, and answer /api/health.
// `--here` skips the clone and the install and checks this checkout (CI: its own `npm ci` was made with the download
// failing). The clone takes the committed HEAD, not uncommitted changes; it needs the npm registry, and a few minutes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const here = process.argv.includes('--here');
const scratch = mkdtempSync(join(tmpdir(), 'passerelle-fresh-'));
const failures: string[] = [];
const fail = (what: string) => {
  failures.push(what);
  process.stdout.write(`FAILED: ${what}\n`);
};

/** The environment of an install where Electron's download cannot succeed. */
const blockedDownload = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: join(scratch, 'electron-cache'),
  };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return env;
};

const electronBinaryIn = (dir: string): boolean => {
  try {
    createRequire(join(dir, 'package.json'))('electron');
    return true;
  } catch {
    return false;
  }
};

try {
  let project = root;
  if (!here) {
    project = join(scratch, 'clone');
    process.stdout.write(`Cloning the committed HEAD into ${project}, then npm ci with Electron's download failing (a few minutes)…\n`);
    const clone = spawnSync('git', ['clone', '--quiet', root, project], { stdio: 'inherit' });
    if (clone.status !== 0) throw new Error('git clone failed');
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: project, env: blockedDownload(), encoding: 'utf8' });
    process.stdout.write(install.stdout.split('\n').slice(-6).join('\n'));
    if (install.status !== 0)
      fail(`npm ci exited with ${install.status} when Electron could not be downloaded:\n${install.stderr.slice(-3000)}`);
    else if (!install.stdout.includes('Electron could not be downloaded'))
      fail('npm ci did not say plainly that Electron could not be downloaded');
  }
  if (electronBinaryIn(project)) {
    fail('an Electron binary is installed: this check is about an install where its download failed');
  } else {
    await checkStart(project);
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
}
process.stdout.write(
  failures.length === 0 ? 'Fresh install without Electron: 1 passed, 0 failed\n' : 'Fresh install without Electron: 0 passed, 1 failed\n',
);
process.exit(failures.length === 0 ? 0 : 1);

/** `npm start` as the README says, without a browser window: the fallback, said once, and a healthy host. */
async function checkStart(project: string): Promise<void> {
  // Its own process group: npm, tsx and the host all end with it.
  const child = spawn('npm', ['start', '--', '--no-browser', '--port=0', `--data-dir=${join(scratch, 'data')}`], {
    cwd: project,
    env: blockedDownload(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not serve within 3 minutes:\n${output}`)), 180_000);
      const poll = setInterval(() => {
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(match[1]);
        }
      }, 100);
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    // The rest of the start lines come right after the address.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const said = output.split('\n').filter((line) => line.startsWith('Browser-kiosk mode:'));
    if (said.length !== 1 || !said[0]?.includes('Electron is not installed') || !said[0].includes('npm run electron:install')) {
      fail(`npm start should say once why it runs in browser-kiosk mode and how to get Electron later; it said:\n${output}`);
    }
    const response = await fetch(new URL('/api/health', url));
    const health = (await response.json()) as { version?: string; host?: string; stateDb?: { status?: string } };
    if (response.status !== 200 || health.host !== 'web' || health.stateDb?.status !== 'ok' || !health.version) {
      fail(`/api/health answered ${response.status}: ${JSON.stringify(health)}`);
    } else {
      process.stdout.write(`npm start fell back to the browser-kiosk mode and /api/health answered: ${JSON.stringify(health)}\n`);
    }
  } finally {
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The whole group is gone.
      }
    }
  }
}
