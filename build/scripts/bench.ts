// `npm run bench`: runs the benchmarks, prints each figure against its budget (or JSON with --json),
// and exits non-zero when a budget is missed.
import { cpus, totalmem } from 'node:os';
import { benchSearch } from '../../tests/bench/search.bench';
import { withinBudget, type Measure } from '../../tests/bench/measure';
import { buildIfStale } from './build';

await buildIfStale({ quiet: true });
const measures: Measure[] = [...(await benchSearch())];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ machine, date: new Date().toISOString(), measures: measures.map((m) => ({ ...m, pass: withinBudget(m) })) }, null, 2)}\n`);
} else {
  process.stdout.write(`Machine: ${machine}\n\n`);
  const width = Math.max(...measures.map((m) => m.name.length));
  for (const m of measures) {
    const budget = m.budget === undefined ? '' : `budget ${m.budget} ${m.unit}  ${withinBudget(m) ? 'pass' : 'FAIL'}`;
    process.stdout.write(`${m.name.padEnd(width)}  ${m.value.toFixed(2).padStart(9)} ${m.unit}  ${budget}\n`);
  }
}
process.exit(measures.every(withinBudget) ? 0 : 1);
