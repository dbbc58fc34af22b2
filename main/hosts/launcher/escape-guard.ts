// Holds the browser-kiosk against a physical keyboard, through the supervisor's debugging pipe: every window or tab
// that is not the kiosk page is closed at once and its data wiped; the kiosk page is brought home if it leaves the
// kiosk's origin; file choosers are intercepted, downloads denied, and the browser's shortcuts cancelled in the page.
import type { Logger } from '../../core/log';
import { keyBlockerScript } from '../common/blocked-keys';
import type { Cdp } from './cdp-pipe';
import { decideTarget, type TargetInfo } from './target-rules';

export interface EscapeGuardOptions {
  readonly homeUrl: string;
  readonly log: Pick<Logger, 'warn' | 'info'>;
  /** Official origins the site configuration allowlists (issue 15); none by default. */
  readonly allowlist?: readonly string[];
  /** The kiosk page is gone (its window was closed): the supervisor replaces the browser. */
  readonly onKioskGone: () => void;
}

export async function guardEscapes(cdp: Cdp, options: EscapeGuardOptions): Promise<void> {
  const kioskOrigin = new URL(options.homeUrl).origin;
  const allowlist = options.allowlist ?? [];
  let kiosk: { targetId: string; sessionId: string | null } | null = null;
  const contexts = new Set<string>();
  const closing = new Set<string>();
  const warn = (event: string) => (error: unknown) =>
    options.log.warn(event, { error: error instanceof Error ? error.message.slice(0, 80) : 'unknown' });

  const denyDownloads = (browserContextId: string | undefined) => {
    if (!browserContextId || contexts.has(browserContextId)) return;
    contexts.add(browserContextId);
    // The off-the-record context of --incognito is not reachable by id (the profile's preferences deny downloads there).
    cdp.send('Browser.setDownloadBehavior', { behavior: 'deny', browserContextId }).catch(() => undefined);
  };

  const adopt = async (info: TargetInfo) => {
    const adopted: { targetId: string; sessionId: string | null } = { targetId: info.targetId, sessionId: null };
    kiosk = adopted;
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: info.targetId, flatten: true });
    adopted.sessionId = sessionId;
    await cdp.send('Page.enable', {}, sessionId);
    // An <input type=file> or a file picker the page asks for: no dialog over the disk opens, the request is dropped.
    // (The browser's own "save as" and "open" are off in the fresh profile and cancelled by the key rule below.)
    await cdp.send('Page.setInterceptFileChooserDialog', { enabled: true }, sessionId);
    const source = keyBlockerScript();
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source, runImmediately: true }, sessionId);
    await cdp.send('Runtime.evaluate', { expression: source }, sessionId);
    // Targets seen before the kiosk page was there are decided now.
    const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
    for (const other of targetInfos) if (other.targetId !== info.targetId) decide(other);
  };

  const closeStray = async (info: TargetInfo) => {
    if (closing.has(info.targetId)) return;
    closing.add(info.targetId);
    options.log.warn('lockdown.windowClosed', { type: info.type, scheme: info.url.split(':')[0] ?? '' });
    await cdp.send('Target.closeTarget', { targetId: info.targetId }).catch(() => undefined);
    await wipeAfter(info);
  };

  // What the closed target could have left: the storage of its origin, and every cookie of its browser context (the
  // kiosk's own origin keeps no cookie). Done through the kiosk page: the off-the-record context is reached from there.
  const wipeAfter = async (info: TargetInfo) => {
    const sessionId = kiosk?.sessionId;
    const origin = strayOrigin(info.url, kioskOrigin);
    if (origin && sessionId) {
      await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }, sessionId).catch(warn('lockdown.wipeFailed'));
    }
    if (info.browserContextId) {
      await cdp.send('Storage.clearCookies', { browserContextId: info.browserContextId }).catch(() => undefined);
    }
  };

  const bringHome = async (why: string) => {
    const sessionId = kiosk?.sessionId;
    if (!sessionId) return;
    options.log.warn('lockdown.kioskBroughtHome', { why });
    await cdp.send('Page.navigate', { url: options.homeUrl }, sessionId).catch(warn('lockdown.bringHomeFailed'));
  };

  function decide(info: TargetInfo): void {
    denyDownloads(info.browserContextId);
    const decision = decideTarget(info, { kioskOrigin, kioskTargetId: kiosk?.targetId ?? null, allowlist });
    if (decision.action === 'adopt-kiosk') adopt(info).catch(warn('lockdown.kioskAttachFailed'));
    else if (decision.action === 'close') void closeStray(info);
    else if (decision.action === 'bring-home') {
      // Chromium's own error page (the host was restarting): tried again a little later, not in a tight loop.
      if (info.url.startsWith('chrome-error:')) setTimeout(() => void bringHome('error-page'), 3000).unref();
      else void bringHome(info.url.split(':')[0] ?? '');
    }
  }

  cdp.on('Target.targetCreated', (params) => decide(params.targetInfo as TargetInfo));
  cdp.on('Target.targetInfoChanged', (params) => decide(params.targetInfo as TargetInfo));
  cdp.on('Target.targetDestroyed', (params) => {
    closing.delete(String(params.targetId));
    if (kiosk && params.targetId === kiosk.targetId) {
      kiosk = null;
      options.log.warn('lockdown.kioskClosed', {});
      options.onKioskGone();
    }
  });
  cdp.on('Page.fileChooserOpened', () => options.log.warn('lockdown.fileChooserRefused', {}));
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'deny' });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  for (const info of targetInfos) decide(info);
}

/** The web origin a closed target was on, when it is one other than the kiosk's own. */
function strayOrigin(url: string, kioskOrigin: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin !== 'null' && origin !== kioskOrigin ? origin : null;
  } catch {
    return null;
  }
}
