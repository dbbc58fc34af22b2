// `npm test` on a machine without the browser: one line that says what to install or which variable to fix, no
// Playwright banner about downloading browsers (that download does not work on a kiosk network), and a failed run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const results = mkdtempSync(join(tmpdir(), 'passerelle-test-command-'));
afterAll(() => rmSync(results, { recursive: true, force: true, maxRetries: 5 }));

describe('npm test without a browser', () => {
  it('says once which variable to fix, runs no browser test and ends with a failed count', () => {
    const missing = join(results, 'no-such-chromium');
    const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['build/scripts/test.ts', 'tests/e2e/home.spec.ts'], {
      cwd: root,
      env: { ...process.env, PASSERELLE_CHROMIUM: missing, PASSERELLE_TEST_RESULTS: results, CI: 'true' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).toBe(1);
    expect(output.split('\n').filter((line) => line.includes(`PASSERELLE_CHROMIUM is set to ${missing}`))).toHaveLength(1);
    expect(output).not.toMatch(/playwright install/i);
    expect(output.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    // Its reports went to its own folder, not into the run that started it.
    expect(readdirSync(results).filter((name) => name.endsWith('.json'))).toEqual([]);
  });
});
