// `npm start` keeps nothing of the build beside the kiosk: once the host serves, no bundler or TypeScript loader is
// alive in its process tree, and the whole tree stays small (it once kept about 500 MB of build process).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { descendants } from '../bench/browser-processes';

const root = join(import.meta.dirname, '..', '..');
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

/** A file of /proc, or '' once the process has ended (the kiosk's short helpers, like the voice's version probe). */
const procFile = (pid: number, name: string): string => {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return '';
  }
};
const commandOf = (pid: number) => procFile(pid, 'cmdline').split('\0').join(' ');
const residentKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(procFile(pid, 'status'))?.[1] ?? 0);

describe('npm start', () => {
  it.skipIf(process.platform !== 'linux')(
    'serves with no build process left beside the kiosk',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
      const child = spawn(
        process.execPath,
        ['build/scripts/start.mjs', '--host=web', '--no-browser', '--port=0', `--data-dir=${dataDir}`],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      // The kiosk still writes (its log, its state DB) until it has exited: the folder goes after that.
      stop = async () => {
        const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      };
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address within 90 s:\n${output}`)), 90_000);
        const onData = (data: Buffer) => {
          output += data.toString();
          if (!/running at http:\/\//.test(output)) return;
          clearTimeout(timer);
          resolve();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      const tree = [child.pid ?? 0, ...(descendants(child.pid ?? 0) ?? []).map((found) => found.pid)];
      const commands = tree.map(commandOf);
      expect(commands.filter((command) => /tsx|esbuild|vite|build\.ts/.test(command))).toEqual([]);
      const totalMb = tree.reduce((sum, pid) => sum + residentKb(pid), 0) / 1024;
      expect(totalMb).toBeLessThan(250);
    },
    120_000,
  );
});
