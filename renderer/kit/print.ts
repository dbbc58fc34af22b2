// Printing a slip or a summary: the host's own print flow where it has one (Electron prints silently to the default
// printer); elsewhere the page prints itself (the browser kiosk runs Chromium with --kiosk-printing, so no dialog).
// Prints are silent, so a visit may make a few only: the host counts them (Electron), and so does the page, which
// starts again with each visit (the page reloads when a visit ends).
import type { ApiClient } from '../../common/api/contract';
import { createPrintBudget } from '../../common/kiosk/print-budget';

const budget = createPrintBudget();

export async function printPage(api: ApiClient): Promise<'printed' | 'failed' | 'limit'> {
  if (!budget.take()) return 'limit';
  const answer = await api['kiosk.print']({}).catch(() => null);
  if (answer?.ok) return 'printed';
  if (answer && answer.error === 'print.limit') return 'limit';
  if (answer && answer.error === 'print.failed') return 'failed';
  window.print();
  return 'printed';
}
