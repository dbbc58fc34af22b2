// A virtual X display (Xvfb) for tests that need a real, headed browser window and real key events (xdotool).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface XDisplay {
  readonly display: string;
  /** Names of the visible top-level windows that have a name, sorted (a browser window, a dialog). */
  windows(): string[];
  /** Gives the keyboard focus to the first visible window with this name; false when there is none. */
  focus(name: string): boolean;
  /** Real key events through the X server, as a keyboard would send them (xdotool syntax: "ctrl+shift+n"). */
  key(combo: string): void;
  /** Mean brightness (0–1) of the whole screen, and the screenshot written to `file`. */
  screenshot(file: string): number;
  stop(): void;
}

/** Which of Xvfb, xdotool and ImageMagick's import are missing (empty when the tests can run). */
export function missingXTools(): string[] {
  return ['Xvfb', 'xdotool', 'import', 'convert'].filter((tool) => spawnSync('which', [tool]).status !== 0);
}

export async function startXDisplay(): Promise<XDisplay> {
  let number = 90 + Math.floor(Math.random() * 400);
  while (existsSync(`/tmp/.X11-unix/X${number}`)) number += 1;
  const display = `:${number}`;
  const server: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${number}`); i++) await new Promise((r) => setTimeout(r, 100));
  const env = { ...process.env, DISPLAY: display };
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const search = (args: string[]): string[] => {
    try {
      return run('xdotool', ['search', '--onlyvisible', ...args])
        .split('\n')
        .filter(Boolean);
    } catch {
      return [];
    }
  };
  const nameOf = (id: string) => {
    try {
      return run('xdotool', ['getwindowname', id]).trim();
    } catch {
      return '';
    }
  };
  return {
    display,
    windows: () => search(['--name', '.*']).map(nameOf).filter(Boolean).sort(),
    focus(name) {
      const id = search(['--name', `^${name}$`])[0];
      if (!id) return false;
      run('xdotool', ['windowfocus', '--sync', id]);
      return true;
    },
    key: (combo) => void run('xdotool', ['key', '--clearmodifiers', combo]),
    screenshot(file) {
      run('import', ['-window', 'root', file]);
      return Number(run('convert', [file, '-format', '%[fx:mean]', 'info:']));
    },
    stop: () => void server.kill('SIGTERM'),
  };
}
