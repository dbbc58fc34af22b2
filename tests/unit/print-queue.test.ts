// The print queue as the page asks about it: jobs counted from a real `lpstat -o` where CUPS is there, and "no
// answer" (not "nothing pending") where the command is missing, so the page does not claim a sheet came out.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { printQueueCalls } from '../../main/app/wire';
import { pendingJobs } from '../../main/kiosk/print-queue';

describe('print queue', () => {
  it('answers unavailable without CUPS, and counts the lines of lpstat -o', async () => {
    expect(await pendingJobs('/nonexistent/lpstat')).toBeNull();
    expect(await printQueueCalls(async () => null)['kiosk.printQueue']()).toEqual({ ok: false, error: 'print.unavailable' });
    expect(await printQueueCalls(async () => 2)['kiosk.printQueue']()).toEqual({ ok: true, value: { pending: 2 } });
    const lpstat = spawnSync('lpstat', ['-o'], { encoding: 'utf8' });
    if (lpstat.error) {
      console.log('lpstat is missing here: the real queue is not counted (CI installs CUPS)');
      return;
    }
    expect(await pendingJobs()).toBe(lpstat.stdout.split('\n').filter((line) => line.trim() !== '').length);
  });
});
