// The browser-kiosk tarball: it holds what `npm start` needs, starts from an extracted copy in a fresh folder (nothing
// from this checkout on its path) and answers /api/health with the shipped content pack; its systemd unit restarts it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWebTarball, webTarballName } from '../../build/scripts/dist-web';
import { hostProcessEnvironment } from '../../main/hosts/common/host-environment';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const root = join(import.meta.dirname, '..', '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('the browser-kiosk tarball', () => {
  it('holds the web host, renderer, pack, database module, unit and docs, and starts from an extracted copy', async () => {
    const tarball = await buildWebTarball(tempDir());
    expect(tarball.endsWith(`${webTarballName(version)}.tar.gz`)).toBe(true);
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    const top = webTarballName(version);
    for (const entry of [
      'dist/main/start.cjs',
      'dist/main/host.cjs',
      'dist/renderer/index.html',
      'dist/content/content-pack.sqlite',
      'dist/content/content-pack.manifest.json',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/bindings/bindings.js',
      'package.json',
      'BUILD-INFO.json',
      'systemd/passerelle-sante.service',
      'systemd/chromium-in-cage',
      'chromium-policy/passerelle-sante.json',
      'docs/deploy.md',
      'docs/config.example.json',
    ]) {
      expect(listing, entry).toContain(`${top}/${entry}`);
    }
    expect(listing.filter((e) => e.endsWith('.map') || e.endsWith('.ts') || e.includes('/src/'))).toEqual([]);

    // As on a kiosk: extract into an empty folder and start it from elsewhere.
    const place = tempDir();
    expect(spawnSync('tar', ['-xzf', tarball, '-C', place]).status).toBe(0);
    const app = join(place, top);
    const dataDir = tempDir();
    const child = spawn(
      process.execPath,
      [join(app, 'dist', 'main', 'start.cjs'), '--host=web', '--port=0', '--no-browser', `--data-dir=${dataDir}`],
      {
        cwd: tempDir(),
        env: { PATH: process.env.PATH ?? '', HOME: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    stops.push(() => child.kill('SIGTERM'));
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 15_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const health = (await (await fetch(new URL('/api/health', url))).json()) as {
      version: string;
      contentPack: string | null;
      contentProblem: string | null;
      browserPolicy?: { present: boolean };
    };
    expect(health).toMatchObject({ version, contentProblem: null });
    // The managed policies are reported, installed or not (none are installed on a build machine).
    expect(health.browserPolicy).toMatchObject({ file: '/etc/chromium/policies/managed/passerelle-sante.json' });
    expect(health.contentPack).toMatch(/^\d{4}\.\d\d\.\d\d-[0-9a-f]{8}$/);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
  }, 60_000);

  it('ships a systemd unit that runs the web host itself and restarts it on failure', () => {
    const unit = readFileSync(join(root, 'build', 'systemd', 'passerelle-sante.service'), 'utf8');
    expect(unit).toMatch(/^Restart=on-failure$/m);
    // The host, not a shell around it, is the service: its exit status 70 is what systemd sees.
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/passerelle-sante\/dist\/main\/start\.cjs /m);
    expect(unit).toMatch(/^Environment=PASSERELLE_CHROMIUM=\/opt\/passerelle-sante\/systemd\/chromium-in-cage$/m);
    // The host's own environment (two malloc arenas), as the launcher gives it to a restarted copy and the tests to theirs;
    // and the same on a desktop's startup line.
    const deploy = readFileSync(join(root, 'docs', 'deploy.md'), 'utf8').replace(/\s+/g, ' ');
    for (const [name, value] of Object.entries(hostProcessEnvironment)) {
      expect(unit.split('\n')).toContain(`Environment=${name}=${value}`);
      expect(deploy).toContain(`\`env ${name}=${value} node /opt/passerelle-sante/dist/main/start.cjs --config=`);
    }
    const analyze = spawnSync('systemd-analyze', ['verify', join(root, 'build', 'systemd', 'passerelle-sante.service')], {
      encoding: 'utf8',
    });
    if (analyze.error) {
      console.info('systemd-analyze is not installed here: the unit was checked by its text only');
    } else {
      expect(analyze.stderr.trim()).toBe('');
      expect(analyze.status).toBe(0);
    }
  });
});
