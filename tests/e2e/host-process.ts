// Starts and stops the real web host (the built app) as its own process: used by the browser tests and by `npm run bench`.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningHost {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
}

export async function startHost(dataDir: string, extraArgs: readonly string[] = []): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['dist/main/start.cjs', '--host=web', '--port=0', '--no-browser', `--data-dir=${dataDir}`, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
  return { url, dataDir, process: child };
}

export async function stopHost(host: RunningHost): Promise<void> {
  if (host.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    host.process.once('exit', () => resolve());
    host.process.kill('SIGTERM');
  });
}
