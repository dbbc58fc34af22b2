// Printing a slip or a summary: the host's own print flow where it has one (Electron prints silently to the default
// printer); elsewhere the page prints itself (the browser kiosk runs Chromium with --kiosk-printing, so no dialog).
import type { ApiClient } from '../../common/api/contract';

export async function printPage(api: ApiClient): Promise<'printed' | 'failed'> {
  const answer = await api['kiosk.print']({}).catch(() => null);
  if (answer?.ok) return 'printed';
  if (answer && answer.error === 'print.failed') return 'failed';
  window.print();
  return 'printed';
}
