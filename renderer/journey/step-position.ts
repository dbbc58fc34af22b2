// "Étape 3 sur 6": a step's place within its own path. A journey may hold two paths one after the other (the first
// ends at a step marked `end`); a visitor on one path never sees the other's steps, so neither does the count.
export interface StepPosition {
  readonly n: number;
  readonly total: number;
}

export function stepPosition(steps: readonly { readonly end?: boolean }[], index: number): StepPosition {
  let start = 0;
  for (let i = 0; i < steps.length; i++) {
    const last = steps[i]?.end === true || i === steps.length - 1;
    if (!last) continue;
    if (index <= i) return { n: index - start + 1, total: i - start + 1 };
    start = i + 1;
  }
  return { n: index + 1, total: steps.length };
}

/** "Étape n sur N" on the visitor's own path (readiness answers may have inserted helper steps or chosen a path). */
export function positionOnPath(path: readonly number[], index: number): StepPosition {
  return { n: path.indexOf(index) + 1, total: path.length };
}
