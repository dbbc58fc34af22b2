// From the times of keystrokes and of results shown (each with the query's length), how long each keystroke waited.

/** [time in ms, query length] pairs, in time order. */
export type Timed = readonly (readonly [number, number])[];

/**
 * For each keystroke, the time until results for that query or a longer one were on screen (the app drops the
 * answer to a query the visitor has already typed past, so a later answer is what they saw); Infinity if none came.
 */
export function keystrokeLags(inputs: Timed, shown: Timed): number[] {
  return inputs.map(([typedAt, length]) => {
    const answer = shown.find(([shownAt, shownLength]) => shownAt >= typedAt && shownLength >= length);
    return answer ? answer[0] - typedAt : Number.POSITIVE_INFINITY;
  });
}
