// Presents the figures: a text table for people, JSON for machines, and the generated part of BENCHMARKS.md.
import { withinBudget, type Measure } from './measure';

export interface BenchRun {
  readonly machine: string;
  readonly browser: string;
  readonly date: string;
  /** The 1-minute load average before and after the run: other work on the machine moves the figures. */
  readonly load: { readonly before: number; readonly after: number };
  /** The processor check (processor-check.ts) before and after the run, in ms: how fast this machine was then. */
  readonly processor: { readonly before: number; readonly after: number };
  readonly quick: boolean;
  readonly minutes: number;
  readonly measures: readonly Measure[];
}

const digits = (m: Measure): string => (Number.isInteger(m.value) ? String(m.value) : m.value.toFixed(m.unit === '×' ? 2 : 1));
const hasBudget = (m: Measure): boolean => m.budget !== undefined || m.floor !== undefined;
const verdict = (m: Measure): string => (!hasBudget(m) ? '' : withinBudget(m) ? 'pass' : 'FAIL');
const budgetText = (m: Measure): string =>
  m.budget !== undefined ? `≤ ${m.budget} ${m.unit}` : m.floor !== undefined ? `≥ ${m.floor} ${m.unit}` : '';

export function formatTable(measures: readonly Measure[]): string {
  const rows = measures.map((m) => [m.section, m.name, `${digits(m)} ${m.unit}`, budgetText(m), verdict(m)]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const benchJson = (run: BenchRun): string =>
  `${JSON.stringify({ ...run, measures: run.measures.map((m) => ({ ...m, pass: withinBudget(m) })) }, null, 2)}\n`;

export const generatedStart = '<!-- bench:start (written by npm run bench; edit outside these markers) -->';
export const generatedEnd = '<!-- bench:end -->';

export function benchmarksSection(run: BenchRun): string {
  const missed = run.measures.filter((m) => !withinBudget(m));
  const lines = [
    generatedStart,
    `Measured on ${run.date.slice(0, 10)} (${run.date}), ${run.quick ? '**quick run** (`--quick`: fewer samples)' : 'full run'} in ${run.minutes.toFixed(1)} min.`,
    '',
    `- Machine: ${run.machine}`,
    `- Browser: ${run.browser}`,
    `- Load average (1 min): ${run.load.before.toFixed(2)} before, ${run.load.after.toFixed(2)} after`,
    `- Processor check (a fixed piece of work in Node, median of 5): ${run.processor.before.toFixed(1)} ms before, ${run.processor.after.toFixed(1)} ms after`,
    `- Budgets: ${run.measures.filter(hasBudget).length - missed.length} met, ${missed.length} missed${missed.length ? ` (${missed.map((m) => m.name).join('; ')})` : ''}`,
    '',
    '| Area | Figure | Value | Budget | Result |',
    '|---|---|--:|--:|---|',
    ...run.measures.map(
      (m) =>
        `| ${m.section} | ${m.name}${m.samples ? ` (n = ${m.samples})` : ''} | ${digits(m)} ${m.unit} | ${budgetText(m)} | ${verdict(m)} |`,
    ),
    generatedEnd,
  ];
  return lines.join('\n');
}

/** Puts a new generated section into BENCHMARKS.md, keeping what people wrote around it (the notes on missed budgets). */
export function updateBenchmarks(existing: string | null, section: string): string {
  const title = '# Benchmarks\n\n`npm run bench` writes the part between the markers; the notes outside them are written by hand.\n\n';
  if (existing === null) return `${title}${section}\n`;
  const start = existing.indexOf(generatedStart);
  const end = existing.indexOf(generatedEnd);
  if (start < 0 || end < start) return `${existing.trimEnd()}\n\n${section}\n`;
  return `${existing.slice(0, start)}${section}${existing.slice(end + generatedEnd.length)}`;
}
