// Starts and stops the real web host (the built app) as its own process: used by the browser tests and by `npm run bench`.
// Each host carries a tag of its own in its environment, so stopping it also ends any copy it started of itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canFindTagged, endLeftovers, processesTagged } from '../../build/scripts/tagged-processes';
import { hostProcessEnvironment } from '../../main/hosts/common/host-environment';

/** The environment variable that tags one test host and every process it starts. */
export const hostTagVariable = 'PASSERELLE_TEST_HOST';

export interface RunningHost {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** The value of hostTagVariable in this host's environment. */
  readonly tag: string;
  /** What the host printed on its standard output so far, from its first line. */
  readonly printed: () => string;
}

/** The command line of a test's or the bench's web host, after `dist/main/start.cjs`. */
export const webHostArgs = (dataDir: string, extraArgs: readonly string[] = []): string[] => [
  '--host=web',
  '--port=0',
  '--no-browser',
  `--data-dir=${dataDir}`,
  ...extraArgs,
];

/**
 * `nodeArgs` go to Node before the app (a `-r` preload script, for tests that make the host fail). The host listens
 * before its services open (at the first call, or a second after the page's last file): unless told not to (the
 * bench's start, which times a browser's first page), this waits for them with a health check, as a test reads the
 * data folder (the setup code, the log) right after.
 */
export async function startHost(
  dataDir: string,
  extraArgs: readonly string[] = [],
  nodeArgs: readonly string[] = [],
  options: { readonly waitForServices?: boolean; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<RunningHost> {
  const tag = randomUUID();
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main/start.cjs', ...webHostArgs(dataDir, extraArgs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Started as the systemd unit starts it (the bench's memory figures are the kiosk's).
    env: {
      ...process.env,
      ...hostProcessEnvironment,
      PASSERELLE_HOST_RESTARTS: '',
      INVOCATION_ID: '',
      ...options.env,
      [hostTagVariable]: tag,
    },
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  try {
    const url = await addressOf(child, 'web host');
    if (options.waitForServices !== false) {
      const health = await fetch(`${url}api/health`);
      if (!health.ok) throw new Error(`the web host's services did not open: health check answered ${health.status}`);
    }
    return { url, dataDir, process: child, tag, printed: () => printed };
  } catch (error) {
    // A host too slow to start is not left running behind the failed test.
    child.kill('SIGKILL');
    if (canFindTagged()) await endLeftovers(hostTagVariable, tag, 0);
    throw error;
  }
}

/** Stops the host, then ends whatever it started that is still there: a copy it started of itself after an error. */
export async function stopHost(host: RunningHost): Promise<void> {
  if (host.process.exitCode === null && host.process.signalCode === null) {
    await new Promise<void>((resolve) => {
      host.process.once('exit', () => resolve());
      host.process.kill('SIGTERM');
    });
  }
  if (!canFindTagged()) return;
  const copies = processesTagged(hostTagVariable, host.tag);
  if (copies.length > 0) {
    // Said, not hidden: a host that restarted itself met an error nothing caught (its log has the kind and the place).
    process.stderr.write(`The test host at ${host.url} had restarted itself: ${uncaughtErrors(host.dataDir)}. Its copy is ended.\n`);
  }
  for (const { pid } of copies) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Gone meanwhile.
    }
  }
  await endLeftovers(hostTagVariable, host.tag, 5000);
}

/** The uncaught errors a host logged (their kind and place; the log never holds their message). */
function uncaughtErrors(dataDir: string): string {
  try {
    const lines = readFileSync(join(dataDir, 'logs', 'passerelle.log'), 'utf8').split('\n');
    const found = lines.filter((line) => line.includes('"host.uncaught"'));
    return found.length > 0 ? found.join(' ') : 'no uncaught error in its log';
  } catch {
    return 'no log';
  }
}

/** The address a starting host prints ("running at http://…"), or an error with what it printed instead. */
export function addressOf(child: ChildProcess, what: string, timeoutMs = 15_000): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${output}`)), timeoutMs);
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
    child.on('exit', (code) => reject(new Error(`${what} exited with ${code}: ${output}`)));
  });
}
