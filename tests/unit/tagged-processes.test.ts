// The end-of-suite check of `npm test`: a child run that leaves a process behind (as a host that restarts itself does:
// a detached copy, then the parent exits) is caught, named, and ended; a clean child run passes.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canFindTagged, endLeftovers, processesTagged, testRunVariable } from '../../build/scripts/tagged-processes';

/** Runs `node -e code` tagged with a run id of its own, and waits for it to exit. */
async function childRun(runId: string, code: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, [testRunVariable]: runId }, stdio: 'ignore' });
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(status).toBe(0);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// A copy of itself, detached, that runs on after its parent exits.
const leaveOneRunning = (marker: string) => `
  const { spawn } = require('node:child_process');
  const copy = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000) /* ${marker} */'], { detached: true, stdio: 'ignore' });
  copy.unref();
`;

describe.skipIf(!canFindTagged())('what the test suite leaves running (Linux /proc)', () => {
  it('fails when a child run leaves a process behind, names it and ends it', async () => {
    const runId = `leftover-${process.pid}-${Date.now()}`;
    const marker = `left-on-purpose-${runId}`;
    await childRun(runId, leaveOneRunning(marker));

    const left = await endLeftovers(testRunVariable, runId, 300);
    expect(left).toHaveLength(1);
    expect(left[0]?.cmdline).toContain(marker);
    const pid = left[0]?.pid ?? 0;
    await expect.poll(() => alive(pid), { timeout: 3000 }).toBe(false);
    expect(processesTagged(testRunVariable, runId)).toEqual([]);
  });

  it('passes when a child run ends what it started, and never counts another run or a longer tag', async () => {
    const runId = `clean-${process.pid}-${Date.now()}`;
    await childRun(
      runId,
      `const { spawn } = require('node:child_process');
       const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
       setTimeout(() => { helper.on('exit', () => process.exit(0)); helper.kill(); }, 200);`,
    );
    // Another run's leftover, with a tag that starts like this one's: not this run's business.
    await childRun(`${runId}-other`, leaveOneRunning('other-run'));
    try {
      expect(await endLeftovers(testRunVariable, runId, 300)).toEqual([]);
    } finally {
      expect(await endLeftovers(testRunVariable, `${runId}-other`, 0)).toHaveLength(1);
    }
  });
});
