// A measured figure, with its budget when the issue gives one.

export interface Measure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The figure must be at most this. */
  readonly budget?: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const withinBudget = (m: Measure): boolean => m.budget === undefined || m.value <= m.budget;
