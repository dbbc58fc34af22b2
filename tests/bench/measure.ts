// A measured figure, with its budget when the issue gives one, and the arithmetic every benchmark shares.

export type Section = 'Start' | 'Transitions' | 'Search' | 'Endurance' | 'Weight';

export interface Measure {
  readonly section: Section;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The figure must be at most this. */
  readonly budget?: number;
  /** The figure must be at least this (a share of taps within one frame, a yes counted as 1). */
  readonly floor?: number;
  /** How many samples the figure comes from, when it is a statistic. */
  readonly samples?: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** One frame at 60 Hz, in ms. */
export const frameMs = 1000 / 60;
/** The share of `times` (ms) within one frame, in whole percent. */
export const withinFrame = (times: readonly number[]): number =>
  Math.round((times.filter((ms) => ms <= frameMs).length / times.length) * 100);

/**
 * p50, p95 and the share within one frame of the tap times `times` (ms), in `section`, each named by `name`;
 * `limits` puts a budget on the p95 and a floor on the share, for the figures that have them.
 */
export function tapFigures(
  section: Section,
  times: readonly number[],
  name: (figure: 'p50' | 'p95' | 'frame') => string,
  limits: { p95?: number; frame?: number } = {},
): Measure[] {
  const figure = (which: 'p50' | 'p95' | 'frame', value: number, unit: string, limit: Partial<Measure>): Measure => ({
    section,
    name: name(which),
    value,
    unit,
    ...limit,
    samples: times.length,
  });
  return [
    figure('p50', percentile(times, 50), 'ms', {}),
    figure('p95', percentile(times, 95), 'ms', limits.p95 === undefined ? {} : { budget: limits.p95 }),
    figure('frame', withinFrame(times), '%', limits.frame === undefined ? {} : { floor: limits.frame }),
  ];
}

/**
 * How many times slower `measured` is than `reference`, from samples taken side by side in the same run:
 * the ratio of the medians (or of another percentile `p`), so one slow sample caused by another process does not
 * decide it. Not a number unless both are finite and the reference is above 0: a sample that never ended (counted as
 * infinite) must not read as a ratio of 0 or of infinity.
 */
export function ratio(measured: readonly number[], reference: readonly number[], p = 50): number {
  const base = percentile(reference, p);
  const value = percentile(measured, p);
  return Number.isFinite(base) && Number.isFinite(value) && base > 0 ? value / base : Number.NaN;
}

/** Growth from `before` to `after` in percent of `before` (negative when it shrank). */
export const growthPercent = (before: number, after: number): number => (before > 0 ? ((after - before) / before) * 100 : Number.NaN);

export const withinBudget = (m: Measure): boolean =>
  (m.budget === undefined || m.value <= m.budget) && (m.floor === undefined || m.value >= m.floor);
