// Waiting on another process (a browser over its debugging pipe, a page being drawn) for a bounded time.

/**
 * The answer to a request, or null when none came within `ms`: a refusal still counts as an answer (the promise
 * rejects with it). The timer is cleared as soon as the request settles.
 */
export function answerWithin<T>(request: Promise<T>, ms: number): Promise<{ readonly value: T } | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    request.then(
      (value) => (clearTimeout(timer), resolve({ value })),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error('refused'))),
    );
  });
}
