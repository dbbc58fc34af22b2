// The print queue as the page asks about it: jobs counted from a real `lpstat -o` where CUPS is there, and "no
// answer" (not "nothing pending") where the command is missing, so the page does not claim a sheet came out.
// And how the kiosk hands a sheet to it: `lp` reading the PDF on its standard input, one sheet at a time.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printQueueCalls } from '../../main/app/wire';
import { createMemoryLogger } from '../../main/core/log';
import { queuedPrinter } from '../../main/hosts/common/queued-printer';
import { canSubmitPdf, pendingJobs, printJobTitle, submitPdf } from '../../main/kiosk/print-queue';

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
    const printer = queuedPrinter(
      async () => {
        drawing += 1;
        mostAtOnce = Math.max(mostAtOnce, drawing);
        await new Promise((resolve) => setTimeout(resolve, 20));
        drawing -= 1;
        return Buffer.from('ticket ABCD-EFGH');
      },
      log,
      {
        submit: async (pdf) => {
          submitted.push(Buffer.from(pdf).toString());
          return { ok: true, value: { printed: true } };
        },
      },
    );
    const results = await Promise.all([printer.print(), printer.print(), printer.print()]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(mostAtOnce).toBe(1);
    expect(submitted).toHaveLength(3);
    expect(JSON.stringify(log.lines)).not.toContain('ABCD');
    expect(log.lines.map((line) => line.event)).toEqual(['print.queued', 'print.queued', 'print.queued']);
  });

  it('a page that fails or never ends being drawn is a failed print, and the next sheet still goes', async () => {
    const log = createMemoryLogger();
    const draws = [
      () => Promise.reject(new Error('ticket ABCD-EFGH')),
      () => new Promise<Uint8Array>(() => undefined),
      () => Promise.resolve(Buffer.from('%PDF')),
    ];
    let submitted = 0;
    const printer = queuedPrinter(() => (draws.shift() ?? draws[0])?.() ?? Promise.reject(new Error('none')), log, {
      timeoutMs: 200,
      submit: async () => {
        submitted += 1;
        return { ok: true, value: { printed: true } };
      },
    });
    const [failed, stuck, printed] = await Promise.all([printer.print(), printer.print(), printer.print()]);
    expect(failed).toEqual({ ok: false, error: 'print.failed' });
    expect(stuck).toEqual({ ok: false, error: 'print.failed' });
    expect(printed).toEqual({ ok: true, value: { printed: true } });
    expect(submitted).toBe(1);
    expect(JSON.stringify(log.lines)).not.toContain('ABCD');
  });

  it('a sheet of a visit that ended before it was handed over is dropped, waiting or already drawn', async () => {
    const log = createMemoryLogger();
    let release: () => void = () => undefined;
    const drawing = new Promise<void>((resolve) => (release = resolve));
    const submitted: string[] = [];
    let draws = 0;
    const printer = queuedPrinter(
      async () => {
        draws += 1;
        if (draws === 1) await drawing;
        return Buffer.from(`sheet ${draws}`);
      },
      log,
      {
        submit: async (pdf) => {
          submitted.push(Buffer.from(pdf).toString());
          return { ok: true, value: { printed: true } };
        },
      },
    );
    // The first sheet is being drawn and a second waits its turn when the visitor ends the visit.
    const first = printer.print();
    const second = printer.print();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(draws).toBe(1);
    printer.endVisit();
    release();
    expect(await first).toEqual({ ok: false, error: 'print.failed' });
    expect(await second).toEqual({ ok: false, error: 'print.failed' });
    expect(draws).toBe(1);
    expect(submitted).toEqual([]);
    // The next visitor prints as usual.
    expect(await printer.print()).toEqual({ ok: true, value: { printed: true } });
    expect(submitted).toEqual(['sheet 2']);
    expect(log.lines.map((line) => line.event)).toEqual(['print.dropped', 'print.queued']);
  });

  it('knows whether lp is there to take a sheet (it is not on Windows, nor on a machine without CUPS)', () => {
    const { dir } = fakeLp('exit 0');
    expect(canSubmitPdf({ PATH: ['/nonexistent', dir].join(delimiter) })).toBe(true);
    expect(canSubmitPdf({ PATH: '/nonexistent' })).toBe(false);
    expect(canSubmitPdf({})).toBe(false);
  });
});
