// How a host prints a page without a dialog: it has its browser draw the page's print view into a PDF (the launcher's
// Chromium through its debugging pipe, Electron's window with printToPDF) and hands the PDF to the kiosk's print queue.
// No print dialog toolkit is involved: on Debian 12 with the CUPS security update of 2026, GTK's print back end loops
// for ever, and window.print() (or Electron's silent print, which goes the same way on Linux) froze the kiosk's page.
import { fail } from '../../../common/api/result';
import type { HostPort } from '../../app/host-port';
import type { Logger } from '../../core/log';
import { submitPdf } from '../../kiosk/print-queue';

/**
 * A host's silent print: one sheet at a time (a burst of calls waits in line), each drawn by `draw` and handed to the
 * queue. The log says that a sheet was printed or why not, never what it said.
 */
export function queuedPrinter(
  draw: () => Promise<Uint8Array>,
  log: Pick<Logger, 'info' | 'warn'>,
  submit: (pdf: Uint8Array) => ReturnType<typeof submitPdf> = submitPdf,
): HostPort['print'] {
  let line: Promise<unknown> = Promise.resolve();
  const printOne = async (): ReturnType<HostPort['print']> => {
    let pdf: Uint8Array;
    try {
      pdf = await draw();
    } catch {
      log.warn('print.failed', { step: 'draw' });
      return fail('print.failed');
    }
    const submitted = await submit(pdf);
    if (submitted.ok) log.info('print.queued', { kB: Math.ceil(pdf.length / 1024) });
    else log.warn('print.failed', { step: 'queue', error: submitted.error });
    return submitted;
  };
  return () => {
    const next = line.then(printOne, printOne);
    line = next.catch(() => undefined);
    return next;
  };
}
