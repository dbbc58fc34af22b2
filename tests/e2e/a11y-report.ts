// The accessibility sweep's report: each walk saves what it saw, and the sweep merges every walk of the run into
// test-results/a11y-report.json (each state × language × theme, with its counts) and a short a11y-report.md.
import type { TestInfo } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeBox, smallestTarget, type MeasuredBox } from './layout-checks';

export interface StateResult {
  readonly state: string;
  readonly violations: readonly string[];
  readonly smallTargets: readonly string[];
  readonly overflow: readonly string[];
  readonly targetCount: number;
  readonly smallestTarget: MeasuredBox | null;
}

/** One walk through every state, in one language, theme and viewport. */
export interface SweepRun {
  readonly locale: string;
  readonly theme: string;
  readonly viewport: string;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly states: readonly StateResult[];
}

const runSuffix = '.a11y-run.json';

/**
 * A failed test ends its worker, and Playwright goes on in a new one: module state would be lost, so each walk is saved
 * in its test's own output folder, which Playwright empties at the start of every run (no stale walk is ever merged).
 */
export function saveRun(testInfo: TestInfo, run: SweepRun): void {
  const name = `${run.locale} ${run.theme} ${run.viewport}`.replace(/[^\w×]+/g, '-');
  writeFileSync(testInfo.outputPath(`${name}${runSuffix}`), JSON.stringify(run));
}

function savedRuns(outputDir: string): SweepRun[] {
  return (readdirSync(outputDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((path) => path.endsWith(runSuffix))
    .map((path) => JSON.parse(readFileSync(join(outputDir, path), 'utf8')) as SweepRun)
    .sort((a, b) => `${a.locale} ${a.theme} ${a.viewport}`.localeCompare(`${b.locale} ${b.theme} ${b.viewport}`));
}

const total = (runs: readonly SweepRun[], pick: (s: StateResult) => readonly string[]) =>
  runs.reduce((n, run) => n + run.states.reduce((m, s) => m + pick(s).length, 0), 0);

/** Merges the walks saved so far in this run into the report files; returns their paths. */
export function writeReport(testInfo: TestInfo): string[] {
  const runs = savedRuns(testInfo.project.outputDir);
  const started = Math.min(...runs.map((r) => r.startedAt));
  const ended = Math.max(...runs.map((r) => r.startedAt + r.durationMs));
  const summary = {
    generatedAt: new Date().toISOString(),
    walks: runs.length,
    statesVisited: runs.reduce((n, r) => n + r.states.length, 0),
    violations: total(runs, (s) => s.violations),
    smallTargets: total(runs, (s) => s.smallTargets),
    overflows: total(runs, (s) => s.overflow),
    smallestTarget: smallestTarget(runs.flatMap((r) => r.states.map((s) => s.smallestTarget))),
    // From the first walk's start to the last one's end: walks run side by side, so their durations overlap.
    sweepSeconds: runs.length === 0 ? 0 : Math.round((ended - started) / 100) / 10,
  };
  const visits = runs.flatMap(({ locale, theme, viewport, states }) =>
    states.map((s) => ({
      state: s.state,
      locale,
      theme,
      viewport,
      violationCount: s.violations.length,
      smallTargetCount: s.smallTargets.length,
      overflowCount: s.overflow.length,
      targetCount: s.targetCount,
      smallestTarget: s.smallestTarget,
      findings: [...s.violations, ...s.smallTargets, ...s.overflow],
    })),
  );
  const reportDir = resolve(dirname(testInfo.config.configFile ?? join(process.cwd(), 'playwright.config.ts')), 'test-results');
  mkdirSync(reportDir, { recursive: true });
  const json = join(reportDir, 'a11y-report.json');
  const markdown = join(reportDir, 'a11y-report.md');
  writeFileSync(json, `${JSON.stringify({ summary, visits }, null, 2)}\n`);
  const lines = [
    '# Accessibility sweep',
    '',
    `${summary.generatedAt}: ${summary.statesVisited} states visited in ${runs.length} walks (language × theme × viewport), ${summary.sweepSeconds} s.`,
    `Axe violations (WCAG 2.2 A/AA): ${summary.violations}. Targets under 44 × 44 px: ${summary.smallTargets}. Overflow findings: ${summary.overflows}.`,
    `Smallest target: ${summary.smallestTarget ? describeBox(summary.smallestTarget) : 'none measured'}.`,
    '',
    '| Language | Theme | Viewport | States | Violations | Small targets | Overflow | Smallest target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map((run) => {
      const smallest = smallestTarget(run.states.map((s) => s.smallestTarget));
      const counts = [total([run], (s) => s.violations), total([run], (s) => s.smallTargets), total([run], (s) => s.overflow)];
      return `| ${run.locale} | ${run.theme} | ${run.viewport} | ${run.states.length} | ${counts.join(' | ')} | ${smallest ? `${smallest.width}×${smallest.height}` : '–'} |`;
    }),
    '',
    `States: ${[...new Set(visits.map((v) => v.state))].join(', ')}.`,
  ];
  const findings = visits.flatMap((v) => v.findings.map((f) => `- ${v.locale}, ${v.theme}, ${v.viewport}, ${v.state}: ${f}`));
  if (findings.length > 0) lines.push('', '## Findings', '', ...findings);
  writeFileSync(markdown, `${lines.join('\n')}\n`);
  return [json, markdown];
}
