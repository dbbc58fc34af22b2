// `npm test`: builds what is stale, runs the unit tests (Vitest) and the browser tests (Playwright),
// prints every skipped test with its reason, and ends with one line summing both: "N passed, N failed".
// Every process it starts carries a run tag in its environment (children inherit it): one still alive at the end,
// such as a host's copy of itself, is ended and fails the run. Without a browser, it says once what to install.
// `npm test -- FILE…` runs only those files: *.test.ts with Vitest, *.spec.ts with Playwright.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumMissingMessage } from '../../main/hosts/launcher/chromium';
import { chromiumExecutable } from '../../tests/e2e/chromium-path';
import { buildIfStale } from './build';
import { canFindTagged, endLeftovers, testRunVariable } from './tagged-processes';

const root = join(import.meta.dirname, '..', '..');
// PASSERELLE_TEST_RESULTS: where the two reports go (a test of this script runs it inside a run, apart from its reports).
const results = process.env.PASSERELLE_TEST_RESULTS ?? join(root, 'test-results');
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

const runId = randomUUID();
const env = { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', [testRunVariable]: runId };
// Asynchronous, so that Ctrl+C reaches this script too and the leftover check below still runs.
const run = (command: string, args: string[]) =>
  new Promise<number>((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
process.on('SIGINT', () => undefined);

const files = process.argv.slice(2);
const unitFiles = files.filter((file) => file.includes('.test.'));
const e2eFiles = files.filter((file) => file.includes('.spec.'));
const none: Tally = { passed: 0, failed: 0, skipped: [] };
const runUnit = files.length === 0 || unitFiles.length > 0;
const runE2e = files.length === 0 || e2eFiles.length > 0;

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const unitStatus = runUnit
  ? await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`, ...unitFiles])
  : 0;
// Without a browser, the browser tests are not started at all: one clear line instead of one banner per test.
const noBrowser = runE2e && !chromiumExecutable() ? chromiumMissingMessage() : null;
const e2eStatus = !runE2e ? 0 : noBrowser ? 1 : await run(bin('playwright'), ['test', ...e2eFiles]);

const leftovers = canFindTagged() ? await endLeftovers(testRunVariable, runId) : null;

const unit = runUnit ? readVitest(unitJson) : none;
const e2e = !runE2e ? none : noBrowser ? null : readPlaywright(e2eJson);
// A runner that wrote no report, or exited badly with no failed test in it, counts as one failure: never as zero tests.
const failuresOf = (name: string, tally: Tally | null, status: number): number => {
  if (!tally) {
    if (!(name === 'Browser' && noBrowser)) process.stdout.write(`${name} tests wrote no report.\n`);
    return 1;
  }
  return tally.failed > 0 || status === 0 ? tally.failed : 1;
};
const total: Tally = {
  passed: (unit?.passed ?? 0) + (e2e?.passed ?? 0),
  failed: failuresOf('Unit', unit, unitStatus) + failuresOf('Browser', e2e, e2eStatus) + (leftovers?.length ? 1 : 0),
  skipped: [...(unit?.skipped ?? []), ...(e2e?.skipped ?? [])],
};

if (noBrowser) process.stdout.write(`\nThe browser tests did not run. ${noBrowser}\n`);
if (leftovers === null) process.stdout.write('\nNot checked whether the tests left processes running: no /proc here.\n');
else if (leftovers.length > 0) {
  process.stdout.write(`\n${leftovers.length} process(es) started by the tests were still running after them (now ended):\n`);
  for (const { pid, cmdline } of leftovers) process.stdout.write(`  ${pid} ${cmdline.slice(0, 300)}\n`);
}
process.stdout.write(
  `\nUnit: ${unit?.passed ?? 0} passed, ${unit?.failed ?? '?'} failed. Browser: ${noBrowser ? 'not run' : `${e2e?.passed ?? 0} passed, ${e2e?.failed ?? '?'} failed`}.\n`,
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
