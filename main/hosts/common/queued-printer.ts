// How a host prints a page without a dialog: it has its browser draw the page's print view into a PDF (the launcher's
// Chromium through its debugging pipe, Electron's window with printToPDF) and hands the PDF to the kiosk's print queue.
// No print dialog toolkit is involved: on Debian 12 with the CUPS security update of 2026, GTK's print back end loops
// for ever, and window.print() (or Electron's silent print, which goes the same way on Linux) froze the kiosk's page.
import { fail } from '../../../common/api/result';
import type { HostPort } from '../../app/host-port';
import type { Logger } from '../../core/log';
import { submitPdf } from '../../kiosk/print-queue';
import { answerWithin } from './answer-within';

/** A host's silent print, and the end of the visit it prints for. */
export interface QueuedPrinter {
  readonly print: HostPort['print'];
  /** Prints another page in the same line (an official window that asked to print). */
  printWith(draw: () => Promise<Uint8Array>): ReturnType<HostPort['print']>;
  /**
   * The visit ended: a sheet still waiting its turn, or drawn but not yet handed over, is dropped. It would show the
   * next visitor's screen, or leave the last visitor's sheet in the tray for the next one.
   */
  endVisit(): void;
}

/** How long a page may take to be drawn as a PDF before the print counts as failed (the next one may then go). */
export const drawTimeoutMs = 20_000;

/**
 * One sheet at a time (a burst of calls waits in line), each drawn by `draw` and handed to the queue by `submit`. A
 * draw that does not end in `timeoutMs` is a failed print, so one stuck page does not hold the line. The log says
 * that a sheet was printed or why not, never what it said.
 */
export function queuedPrinter(
  draw: () => Promise<Uint8Array>,
  log: Pick<Logger, 'info' | 'warn'>,
  options: { readonly submit?: (pdf: Uint8Array) => ReturnType<typeof submitPdf>; readonly timeoutMs?: number } = {},
): QueuedPrinter {
  const submit = options.submit ?? submitPdf;
  let line: Promise<unknown> = Promise.resolve();
  let visit = 0;
  const drawn = async (page: () => Promise<Uint8Array>): Promise<Uint8Array> => {
    const answer = await answerWithin(page(), options.timeoutMs ?? drawTimeoutMs);
    if (!answer) throw new Error('not drawn in time');
    return answer.value;
  };
  const printOne = async (page: () => Promise<Uint8Array>, askedIn: number): ReturnType<HostPort['print']> => {
    if (askedIn !== visit) return fail('print.failed');
    let pdf: Uint8Array;
    try {
      pdf = await drawn(page);
    } catch {
      log.warn('print.failed', { step: 'draw' });
      return fail('print.failed');
    }
    if (askedIn !== visit) {
      log.warn('print.dropped', {});
      return fail('print.failed');
    }
    const submitted = await submit(pdf);
    if (submitted.ok) log.info('print.queued', { kB: Math.ceil(pdf.length / 1024) });
    else log.warn('print.failed', { step: 'queue', error: submitted.error });
    return submitted;
  };
  const printWith = (page: () => Promise<Uint8Array>) => {
    const askedIn = visit;
    const next = line.then(
      () => printOne(page, askedIn),
      () => printOne(page, askedIn),
    );
    line = next.catch(() => undefined);
    return next;
  };
  return {
    print: () => printWith(draw),
    printWith,
    endVisit: () => {
      visit += 1;
    },
  };
}
