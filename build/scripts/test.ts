// `npm test`: builds what is stale, runs the unit tests (Vitest) and the browser tests (Playwright),
// prints every skipped test with its reason, and ends with one line summing both: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale } from './build';

const root = join(import.meta.dirname, '..', '..');
const results = join(root, 'test-results');
const unitJson = join(results, 'unit.json');
const e2eJson = join(results, 'e2e.json');

interface Tally {
  passed: number;
  failed: number;
  skipped: string[];
}

await buildIfStale();
mkdirSync(results, { recursive: true });
rmSync(unitJson, { force: true });
rmSync(e2eJson, { force: true });

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } }).status ?? 1;

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const e2eStatus = run(bin('playwright'), ['test']);

const unit = readVitest(unitJson);
const e2e = readPlaywright(e2eJson);
// A runner that wrote no report, or exited badly with no failed test in it, counts as one failure: never as zero tests.
const failuresOf = (name: string, tally: Tally | null, status: number): number => {
  if (!tally) {
    process.stdout.write(`${name} tests wrote no report.\n`);
    return 1;
  }
  return tally.failed > 0 || status === 0 ? tally.failed : 1;
};
const total: Tally = {
  passed: (unit?.passed ?? 0) + (e2e?.passed ?? 0),
  failed: failuresOf('Unit', unit, unitStatus) + failuresOf('Browser', e2e, e2eStatus),
  skipped: [...(unit?.skipped ?? []), ...(e2e?.skipped ?? [])],
};

process.stdout.write(
  `\nUnit: ${unit?.passed ?? 0} passed, ${unit?.failed ?? '?'} failed. Browser: ${e2e?.passed ?? 0} passed, ${e2e?.failed ?? '?'} failed.\n`,
);
for (const reason of total.skipped) process.stdout.write(`skipped: ${reason}\n`);
process.stdout.write(`${total.passed} passed, ${total.failed} failed${total.skipped.length ? `, ${total.skipped.length} skipped` : ''}\n`);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);

function readVitest(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
    testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[];
  };
  const skipped = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo')
      .map((t) => `${t.fullName} (unit)`),
  );
  return { passed: report.numPassedTests, failed: report.numFailedTests + report.numFailedTestSuites, skipped };
}

interface PwSpec {
  title: string;
  tests: { status: string; annotations: { type: string; description?: string }[] }[];
}
interface PwSuite {
  suites?: PwSuite[];
  specs?: PwSpec[];
}

function readPlaywright(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
    suites: PwSuite[];
    errors: unknown[];
  };
  const skipped: string[] = [];
  const walk = (suite: PwSuite) => {
    suite.suites?.forEach(walk);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'skipped') continue;
        const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skipped.push(`${spec.title}: ${reason}`);
      }
    }
  };
  report.suites.forEach(walk);
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected + report.errors.length, skipped };
}
