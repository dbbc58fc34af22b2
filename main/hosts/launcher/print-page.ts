// Draws the kiosk's own page through the browser's debugging pipe: Chromium renders the page's print view (its print
// stylesheet) into a PDF, which the host hands to the print queue (../common/queued-printer.ts). `window.print()` goes
// through the system print dialog's toolkit (GTK) even with --kiosk-printing, and that toolkit froze the page for good
// with the CUPS of Debian 12's 2026 security update; this way no toolkit is involved.
import type { Cdp } from './cdp-pipe';
import { isKioskUrl, type TargetInfo } from './target-rules';

/** A4, in inches (what Page.printToPDF counts in), unless the print stylesheet names its own page size. */
const a4 = { paperWidth: 8.27, paperHeight: 11.69 } as const;

/** The app's page (not an official site's window): the one page of the kiosk's origin. */
export async function kioskPageTarget(cdp: Pick<Cdp, 'send'>, homeUrl: string): Promise<string | null> {
  const origin = new URL(homeUrl).origin;
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  return targetInfos.find((target) => target.type === 'page' && isKioskUrl(target.url, origin))?.targetId ?? null;
}

/**
 * The kiosk page's print view as PDF bytes; throws when there is no such page. How long it may take is the printer's
 * to bound (queued-printer.ts).
 */
export async function printKioskPage(cdp: Pick<Cdp, 'send'>, homeUrl: string): Promise<Uint8Array> {
  const targetId = await kioskPageTarget(cdp, homeUrl);
  if (!targetId) throw new Error('no kiosk page to print');
  return printTarget(cdp, targetId);
}

/** A page's print view as PDF bytes (the kiosk page, or an official window that asked to print). */
export async function printTarget(cdp: Pick<Cdp, 'send'>, targetId: string): Promise<Uint8Array> {
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  try {
    const { data } = await cdp.send<{ data: string }>(
      'Page.printToPDF',
      { ...a4, printBackground: false, preferCSSPageSize: true, displayHeaderFooter: false },
      sessionId,
    );
    return Buffer.from(data, 'base64');
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}
