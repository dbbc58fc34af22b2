// The print queue as the page asks about it: jobs counted from a real `lpstat -o` where CUPS is there, and "no
// answer" (not "nothing pending") where the command is missing, so the page does not claim a sheet came out.
// And how the kiosk hands a sheet to it: `lp` reading the PDF on its standard input, one sheet at a time.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printQueueCalls } from '../../main/app/wire';
import { createMemoryLogger } from '../../main/core/log';
import { queuedPrinter } from '../../main/hosts/common/queued-printer';
import { pendingJobs, printJobTitle, submitPdf } from '../../main/kiosk/print-queue';

/** A stand-in for `lp` written as a shell script: it keeps its arguments and input where the test reads them. */
function fakeLp(body: string): { command: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-lp-'));
  const command = join(dir, 'lp');
  writeFileSync(command, `#!/bin/sh\necho "$@" > "${dir}/args"\ncat > "${dir}/input"\n${body}\n`);
  chmodSync(command, 0o755);
  return { command, dir };
}

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

  it('hands the PDF to lp on its input under the app’s title, and believes only a job CUPS took', async () => {
    const pdf = Buffer.from('%PDF-1.4 a sheet of the visit\n%%EOF\n');
    const taken = fakeLp('echo "request id is PDF-7 (0 file(s))"');
    expect(await submitPdf(pdf, { command: taken.command })).toEqual({ ok: true, value: { printed: true } });
    expect(readFileSync(join(taken.dir, 'input'))).toEqual(pdf);
    // The queue and a banner page name the app, never anything of the visit.
    expect(readFileSync(join(taken.dir, 'args'), 'utf8').trim()).toBe(`-t ${printJobTitle} --`);

    expect(
      await submitPdf(pdf, { command: fakeLp('echo "lp: Error - The printer or class does not exist." >&2; exit 1').command }),
    ).toEqual({
      ok: false,
      error: 'print.failed',
    });
    // Exit 0 without a job id is not a sheet in the queue.
    expect(await submitPdf(pdf, { command: fakeLp('exit 0').command })).toEqual({ ok: false, error: 'print.failed' });
    expect(await submitPdf(pdf, { command: '/nonexistent/lp' })).toEqual({ ok: false, error: 'print.unavailable' });
    // A queue that does not answer does not hold the page: it is a failed print after the wait.
    const started = Date.now();
    expect(await submitPdf(pdf, { command: fakeLp('sleep 30').command, timeoutMs: 300 })).toEqual({ ok: false, error: 'print.failed' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('prints one sheet at a time however many are asked at once, and logs neither the sheet nor its words', async () => {
    const log = createMemoryLogger();
    let drawing = 0;
    let mostAtOnce = 0;
    const submitted: string[] = [];
    const print = queuedPrinter(
      async () => {
        drawing += 1;
        mostAtOnce = Math.max(mostAtOnce, drawing);
        await new Promise((resolve) => setTimeout(resolve, 20));
        drawing -= 1;
        return Buffer.from('ticket ABCD-EFGH');
      },
      log,
      async (pdf) => {
        submitted.push(Buffer.from(pdf).toString());
        return { ok: true, value: { printed: true } };
      },
    );
    const results = await Promise.all([print(), print(), print()]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(mostAtOnce).toBe(1);
    expect(submitted).toHaveLength(3);
    // A page that cannot be drawn is a failed print, and the line goes on.
    const failing = queuedPrinter(() => Promise.reject(new Error('ticket ABCD-EFGH')), log);
    expect(await failing()).toEqual({ ok: false, error: 'print.failed' });
    expect(JSON.stringify(log.lines)).not.toContain('ABCD');
    expect(log.lines.map((line) => line.event)).toEqual(['print.queued', 'print.queued', 'print.queued', 'print.failed']);
  });
});
