// Printing a page: the host prints it silently where it can (Electron, and the browser kiosk's launcher, which has
// the browser draw the page's print view and hands it to the queue: no dialog a visitor could wander into, the
// default printer); in a browser the launcher did not start, the page prints itself. Then the page watches the
// kiosk's print queue: the sheet came out when the queue is empty, or it is stuck.
// Prints are silent, so a visit may make a few only: the host counts them (Electron), and so does the page, which
// starts again with each visit (the page reloads when a visit ends).
import type { ApiClient } from '../../common/api/contract';
import type { HostCapabilities } from '../../common/api/types';
import { createPrintBudget } from '../../common/kiosk/print-budget';
import { announcePrint } from './print-announce';

/** How long a sheet may wait in the queue before the page says it did not come out. */
export const printWaitMs = 30_000;

const budget = createPrintBudget();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function printPage(api: ApiClient, host: Pick<HostCapabilities, 'silentPrint'>): Promise<'printed' | 'failed' | 'limit'> {
  if (!budget.take()) return 'limit';
  // In audio mode the visitor hears what the sheet says before it comes out (EN 301 549 5.1.3.15).
  await announcePrint();
  if (host.silentPrint) {
    const answer = await api['kiosk.print']({}).catch(() => null);
    if (!answer?.ok) return answer?.error === 'print.limit' ? 'limit' : 'failed';
  } else {
    window.print();
  }
  // The sheet is in the queue, or a moment after print() returns: an empty queue means "printed" once the job was
  // seen in it, or once it stayed empty for a few seconds (a fast printer, or a job that never waited).
  // A sheet the host handed to the queue is in it, or already out.
  let seen = host.silentPrint;
  let emptyPolls = 0;
  for (let waited = 0; ; waited += 1000) {
    const queue = await api['kiosk.printQueue']({}).catch(() => null);
    // No queue to ask (no CUPS on this host): the page handed the sheet over, and that is all it can know.
    if (!queue?.ok) return 'printed';
    if (queue.value.pending > 0) seen = true;
    else if (seen || ++emptyPolls >= 3) return 'printed';
    if (waited >= printWaitMs) return 'failed';
    await pause(1000);
  }
}
