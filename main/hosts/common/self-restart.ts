// What the web host does after an error nothing else caught: log it (its kind and where, never its message, which
// could quote a visitor's input), then start a fresh copy of itself, unless it is failing in a loop.

/** Restarts counted in the environment of the new copy, so a loop is seen across processes. */
export const restartCountVariable = 'PASSERELLE_HOST_RESTARTS';

export type RestartPlan = { action: 'restart'; delayMs: number; restarts: number } | { action: 'stop'; why: string };

/**
 * A host that ran for ten minutes or more starts counting again; a host that keeps failing soon after start waits
 * longer each time (1, 2, 4… up to 30 s) and gives up after ten tries, so the service manager and the logs take over.
 * A host that was asked to stop never restarts: an error while it closes must not leave a copy running.
 */
export function planRestart(restartsSoFar: number, uptimeMs: number, stopping = false): RestartPlan {
  if (stopping) return { action: 'stop', why: 'The host failed while it was stopping.' };
  const restarts = uptimeMs >= 10 * 60_000 ? 0 : Math.max(0, Math.floor(restartsSoFar));
  if (restarts >= 10) return { action: 'stop', why: 'The host failed ten times in a row soon after starting.' };
  return { action: 'restart', delayMs: Math.min(30_000, 1000 * 2 ** restarts), restarts: restarts + 1 };
}

/** Reads the restart count the previous copy passed on (0 when absent or not a number). */
export function restartsFromEnvironment(env: NodeJS.ProcessEnv): number {
  const value = Number(env[restartCountVariable]);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** The fields logged for an uncaught error: its class and the first frame of its stack, no message. */
export function errorLogFields(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { kind: typeof error };
  const frame =
    error.stack
      ?.split('\n')
      .find((line) => line.trimStart().startsWith('at '))
      ?.trim() ?? '';
  return { kind: error.name, at: frame.replace(/[^\s()]*[\\/]/g, '') };
}
