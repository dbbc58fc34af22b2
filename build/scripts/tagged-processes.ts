// Processes found by a variable in their environment (Linux /proc): the test suite tags every process it starts, and
// children inherit the tag, so copies a host starts of itself are found too; what is still alive at the end is ended
// and reported.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const testRunVariable = 'PASSERELLE_TEST_RUN';

export interface TaggedProcess {
  readonly pid: number;
  readonly cmdline: string;
}

/** False where there is no /proc to read (then nothing can be checked, and the caller says so). */
export const canFindTagged = (): boolean => existsSync('/proc/self/environ');

/** Every live process, other than this one, whose environment has `variable=value`. */
export function processesTagged(variable: string, value: string): TaggedProcess[] {
  const tag = Buffer.from(`${variable}=${value}\0`);
  const found: TaggedProcess[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      // Each entry ends with a NUL: a leading NUL keeps `X_PASSERELLE_TEST_RUN=…` or a longer value from matching.
      const environ = Buffer.concat([Buffer.from('\0'), readFileSync(`/proc/${name}/environ`)]);
      if (!environ.includes(Buffer.concat([Buffer.from('\0'), tag]))) continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      found.push({ pid: Number(name), cmdline });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Waits up to `graceMs` for the tagged processes to end by themselves (a browser's helpers take a moment), then kills
 * the ones left and returns them: an empty list means nothing was left running.
 */
export async function endLeftovers(variable: string, value: string, graceMs = 5000): Promise<TaggedProcess[]> {
  const until = Date.now() + graceMs;
  let alive = processesTagged(variable, value);
  while (alive.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    alive = processesTagged(variable, value);
  }
  for (const { pid } of alive) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Ended meanwhile.
    }
  }
  return alive;
}
