// `npm run bench -- --quick` runs from end to end and writes its outputs. It takes about two minutes and a
// Chromium, so `npm test` leaves it out: run it with PASSERELLE_BENCH=1 npx vitest run tests/unit/bench-quick.test.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedEnd, generatedStart } from '../bench/report';
import { useTempDir } from './temp-dir';

const root = join(import.meta.dirname, '..', '..');
const tempDir = useTempDir();

describe.skipIf(process.env.PASSERELLE_BENCH !== '1')(
  'npm run bench --quick (left out of npm test: two minutes with Chromium; run it with PASSERELLE_BENCH=1)',
  () => {
    it('measures every area, prints JSON with budgets and verdicts, and writes the benchmarks file', () => {
      const out = join(tempDir(), 'BENCHMARKS.md');
      const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--quick', '--json', `--out=${out}`], {
        cwd: root,
        encoding: 'utf8',
        timeout: 600_000,
      });
      // A missed budget exits with 1 and is still a complete run; anything else is a crash.
      expect([0, 1], run.stderr).toContain(run.status);
      const report = JSON.parse(run.stdout) as {
        quick: boolean;
        measures: { section: string; value: number; budget?: number; pass: boolean }[];
      };
      expect(report.quick).toBe(true);
      expect(new Set(report.measures.map((m) => m.section))).toEqual(new Set(['Start', 'Transitions', 'Search', 'Endurance', 'Weight']));
      expect(report.measures.every((m) => Number.isFinite(m.value))).toBe(true);
      expect(run.status).toBe(report.measures.every((m) => m.pass) ? 0 : 1);
      const file = readFileSync(out, 'utf8');
      expect(file).toContain(generatedStart);
      expect(file).toContain(generatedEnd);
      expect(file).toContain('quick run');
    }, 600_000);
  },
);
