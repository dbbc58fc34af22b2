// `npm run bench`: measures start, screen transitions, search, endurance and weight on this machine, prints each
// figure against its budget (or JSON with --json), writes BENCHMARKS.md (or --out=FILE), and exits non-zero when a
// budget is missed. `--quick` takes fewer samples: it checks that the bench runs, its figures are not the reference.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../../tests/e2e/chromium-path';
import { startHost, stopHost } from '../../tests/e2e/host-process';
import { bareWipePage, startBareHost } from '../../tests/bench/bare-page';
import { benchEndurance } from '../../tests/bench/endurance.bench';
import { freePort, inspectorArgs } from '../../tests/bench/host-inspector';
import { KioskPage, kioskScreen } from '../../tests/bench/kiosk-page';
import { withinBudget, type Measure } from '../../tests/bench/measure';
import { processorCheckMs } from '../../tests/bench/processor-check';
import { benchJson, benchmarksSection, formatTable, updateBenchmarks, type BenchRun } from '../../tests/bench/report';
import { benchSearch } from '../../tests/bench/search.bench';
import { benchStartup } from '../../tests/bench/startup.bench';
import { benchTransitions } from '../../tests/bench/transitions.bench';
import { benchTyping } from '../../tests/bench/typing.bench';
import { benchWeight } from '../../tests/bench/weight.bench';
import { buildIfStale } from './build';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
// A quick run never replaces the reference figures in BENCHMARKS.md unless asked to with --out.
const out =
  args.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ??
  join(root, quick ? 'test-results/benchmarks-quick.md' : 'BENCHMARKS.md');
const plan = quick
  ? { searchRounds: 5, startSamples: 3, navigations: 40, typingReps: 4, sessions: 60, contentBuilds: 1 }
  : { searchRounds: 30, startSamples: 15, navigations: 300, typingReps: 24, sessions: 500, contentBuilds: 3 };
/** The shortest idle time a site may set: idle endings in the endurance run use it. */
const idleSeconds = 30;
const progress = (text: string) => void process.stderr.write(`bench: ${text}\n`);

const startedAt = Date.now();
const loadBefore = loadavg()[0] ?? 0;
const processorBefore = processorCheckMs();
await buildIfStale({ quiet: true });
const executablePath = chromiumExecutable();
if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set PASSERELLE_CHROMIUM.');

const measures: Measure[] = [];
progress('search in the service and over HTTP');
measures.push(...(await benchSearch(plan.searchRounds)));

const browser = await chromium.launch({ executablePath, args: [...chromiumArgs] });
const work = mkdtempSync(join(tmpdir(), 'passerelle-bench-host-'));
try {
  progress('start to interactive');
  measures.push(...(await benchStartup(browser, plan.startSamples)));

  const configFile = join(work, 'config.json');
  writeFileSync(configFile, JSON.stringify({ idleTimeoutSeconds: idleSeconds }));
  // Its inspector lets the endurance read its memory after a full garbage collection (host-inspector.ts).
  const inspectorPort = await freePort();
  const host = await startHost(join(work, 'data'), [`--config=${configFile}`], inspectorArgs(inspectorPort));
  try {
    const context = await browser.newContext(kioskScreen);
    const kiosk = await KioskPage.open(await context.newPage(), host.url);
    progress('screen transitions');
    measures.push(...(await benchTransitions(kiosk, plan.navigations)));
    progress('typing a query');
    measures.push(...(await benchTyping(kiosk, plan.typingReps)));
    await kiosk.endVisit();
    progress(`endurance, ${plan.sessions} sessions`);
    const bareHost = await startBareHost({}, bareWipePage);
    try {
      const bareContext = await browser.newContext(kioskScreen);
      const bare = await KioskPage.open(await bareContext.newPage(), bareHost.url);
      measures.push(...(await benchEndurance(browser, host, idleSeconds, kiosk, plan.sessions, inspectorPort, bare)));
      await bareContext.close();
    } finally {
      await bareHost.stop();
    }
    await context.close();
  } finally {
    await stopHost(host);
  }
} finally {
  await browser.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
progress('weight');
measures.push(...benchWeight(plan.contentBuilds));

const order = ['Start', 'Transitions', 'Search', 'Endurance', 'Weight'];
measures.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
const run: BenchRun = {
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}, Node ${process.version}`,
  browser: `Chromium ${browser.version()}`,
  date: new Date(startedAt).toISOString(),
  load: { before: loadBefore, after: loadavg()[0] ?? 0 },
  processor: { before: processorBefore, after: processorCheckMs() },
  quick,
  minutes: (Date.now() - startedAt) / 60_000,
  measures,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, updateBenchmarks(existsSync(out) ? readFileSync(out, 'utf8') : null, benchmarksSection(run)));
if (args.includes('--json')) process.stdout.write(benchJson(run));
else
  process.stdout.write(
    `${run.machine}\n${run.browser}\nload ${run.load.before.toFixed(2)} → ${run.load.after.toFixed(2)}, processor check ${run.processor.before.toFixed(1)} → ${run.processor.after.toFixed(1)} ms\n\n${formatTable(measures)}\n\nWrote ${out}\n`,
  );
process.exit(measures.every(withinBudget) ? 0 : 1);
