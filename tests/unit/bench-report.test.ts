// The arithmetic and the reports of `npm run bench` (the timings themselves are measured by the bench, not here).
import { describe, expect, it } from 'vitest';
import { keystrokeLags } from '../bench/keystroke-lag';
import { growthPercent, median, percentile, ratio, tapFigures, withinBudget, type Measure } from '../bench/measure';
import { benchmarksSection, formatTable, generatedEnd, generatedStart, updateBenchmarks, type BenchRun } from '../bench/report';
import { firstScreenFiles } from '../bench/weight.bench';

const measures: Measure[] = [
  { section: 'Start', name: 'start ratio', value: 1.83, unit: '×', budget: 1.5, samples: 15 },
  { section: 'Search', name: 'search p95', value: 0.9, unit: 'ms', budget: 5 },
  { section: 'Weight', name: 'content pack', value: 1777.7, unit: 'kB' },
];
const run: BenchRun = {
  machine: '2 × test cpu',
  browser: 'Chromium 1',
  date: '2026-03-02T09:00:00.000Z',
  load: { before: 0.5, after: 1.25 },
  processor: { before: 72.14, after: 139.5 },
  quick: false,
  minutes: 11.5,
  measures,
};

describe('bench arithmetic', () => {
  it('takes nearest-rank percentiles, whatever the order of the samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([3])).toBe(3);
    expect(percentile([], 95)).toBeNaN();
  });

  it('compares side-by-side samples as a ratio of medians, so one disturbed sample does not decide it', () => {
    expect(ratio([300, 310, 5000], [200, 200, 210])).toBe(1.55);
    expect(ratio([1], [0])).toBeNaN();
    // At another percentile; a sample that never ended (infinite) gives no ratio, not 0 or infinity.
    expect(ratio([100, 120, 400], [80, 100, 200], 95)).toBe(2);
    expect(ratio([100, 120, 140], [80, 100, Number.POSITIVE_INFINITY], 95)).toBeNaN();
    expect(ratio([100, 120, Number.POSITIVE_INFINITY], [80, 100, 200], 95)).toBeNaN();
  });

  it('reports growth in percent of the first figure', () => {
    expect(growthPercent(100, 105)).toBe(5);
    expect(growthPercent(200, 190)).toBe(-5);
  });

  it('passes a figure at its budget and fails one above it; a figure without budget always passes', () => {
    expect(withinBudget({ section: 'Search', name: 'x', value: 5, unit: 'ms', budget: 5 })).toBe(true);
    expect(withinBudget({ section: 'Search', name: 'x', value: 5.01, unit: 'ms', budget: 5 })).toBe(false);
    expect(withinBudget({ section: 'Search', name: 'x', value: 1e9, unit: 'ms' })).toBe(true);
  });

  it('passes a share at its floor and fails one below it, and says so in the table', () => {
    const share = { section: 'Transitions', name: 'taps within one frame', unit: '%', floor: 95 } as const;
    expect(withinBudget({ ...share, value: 95 })).toBe(true);
    expect(withinBudget({ ...share, value: 94 })).toBe(false);
    expect(formatTable([{ ...share, value: 94 }])).toMatch(/94 %\s+≥ 95 %\s+FAIL/);
  });

  it('gives taps their p50, p95 and share within one frame, the budget on the p95 and the floor on the share', () => {
    // 20 taps: 18 within one frame (16.7 ms), the 19th at 40 ms is the p95, the 20th at 90 ms.
    const times = [...Array.from({ length: 18 }, (_, index) => 5 + index * 0.5), 40, 90];
    const [p50, p95, frame] = tapFigures('Transitions', times, (which) => `taps ${which}`, { p95: 50, frame: 95 });
    expect(p50).toMatchObject({ section: 'Transitions', name: 'taps p50', value: 9.5, unit: 'ms', samples: 20 });
    expect(p50).not.toHaveProperty('budget');
    expect(p95).toMatchObject({ name: 'taps p95', value: 40, budget: 50 });
    expect(frame).toMatchObject({ name: 'taps frame', value: 90, unit: '%', floor: 95 });
    expect(frame && withinBudget(frame)).toBe(false);
    const informative = tapFigures('Endurance', times, (which) => which);
    expect(informative.some((figure) => 'budget' in figure || 'floor' in figure)).toBe(false);
  });

  it('times each keystroke until results for that query, or a longer one the visitor typed since, are shown', () => {
    const inputs = [
      [0, 1],
      [150, 2],
      [300, 3],
    ] as const;
    // Length 1 answered at 20; length 2 never answered (typed past); length 3 answered at 330.
    const shown = [
      [20, 1],
      [330, 3],
    ] as const;
    expect(keystrokeLags(inputs, shown)).toEqual([20, 180, 30]);
    expect(keystrokeLags([[0, 4]], [[10, 3]])).toEqual([Number.POSITIVE_INFINITY]);
  });

  it('counts the scripts and style sheets index.html loads, not icons or lazy chunks', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js"><link rel="stylesheet" href="/assets/index-c.css">
      <link rel="icon" href="/assets/icon.svg">`;
    expect(firstScreenFiles(html)).toEqual(['assets/index-a.js', 'assets/vendor-b.js', 'assets/index-c.css']);
  });
});

describe('bench reports', () => {
  it('prints one row per figure with its budget and a verdict', () => {
    const lines = formatTable(measures).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Start\s+start ratio\s+1\.83 ×\s+≤ 1\.5 ×\s+FAIL$/);
    expect(lines[1]).toMatch(/search p95\s+0\.9 ms\s+≤ 5 ms\s+pass$/);
    expect(lines[2]).toMatch(/content pack\s+1777\.7 kB$/);
  });

  it('writes the machine, the date, the load, the processor check and every figure into the generated section', () => {
    const section = benchmarksSection(run);
    expect(section.startsWith(generatedStart) && section.endsWith(generatedEnd)).toBe(true);
    expect(section).toContain('Measured on 2026-03-02');
    expect(section).toContain('2 × test cpu');
    expect(section).toContain('0.50 before, 1.25 after');
    expect(section).toContain('Processor check (a fixed piece of work in Node, median of 5): 72.1 ms before, 139.5 ms after');
    expect(section).toContain('1 met, 1 missed (start ratio)');
    expect(section).toContain('| Start | start ratio (n = 15) | 1.83 × | ≤ 1.5 × | FAIL |');
  });

  it('replaces only the generated section of BENCHMARKS.md, keeping the notes written by hand', () => {
    const first = updateBenchmarks(null, benchmarksSection(run));
    expect(first).toContain('# Benchmarks');
    const withNotes = `${first}\n## Notes\nWhy the start is slow.\n`;
    const again = updateBenchmarks(withNotes, benchmarksSection({ ...run, date: '2026-04-01T10:00:00.000Z' }));
    expect(again).toContain('Measured on 2026-04-01');
    expect(again).not.toContain('Measured on 2026-03-02');
    expect(again).toContain('## Notes\nWhy the start is slow.');
    expect(again.split(generatedStart)).toHaveLength(2);
  });
});
