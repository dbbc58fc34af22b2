// Fetches the code of what comes after the first screen once the page is idle (renderer/kit/on-demand.ts).

/**
 * Prefetches when the page is idle (or after a second at the latest), so the first screen's work comes first;
 * `done` is called once every fetch has succeeded. A fetch that failed (the host restarting) is tried again a few
 * seconds later. Returns a function that stops it.
 */
export function prefetchWhenIdle(prefetches: readonly (() => Promise<unknown>)[], done: () => void): () => void {
  let stopped = false;
  let idle = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const attempt = () => {
    idle = requestIdleCallback(
      () =>
        void Promise.allSettled(prefetches.map((prefetch) => prefetch())).then((results) => {
          if (stopped) return;
          if (results.every((result) => result.status === 'fulfilled')) return done();
          retry = setTimeout(attempt, 3000);
        }),
      { timeout: 1000 },
    );
  };
  attempt();
  return () => {
    stopped = true;
    cancelIdleCallback(idle);
    clearTimeout(retry);
  };
}
