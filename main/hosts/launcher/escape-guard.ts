// Holds the browser-kiosk against a physical keyboard, through the supervisor's debugging pipe: every window or tab
// that is not the kiosk page is closed at once and its data wiped; the kiosk page is brought home if it leaves the
// kiosk's origin; file choosers are intercepted, downloads denied, and the browser's shortcuts cancelled in the page.
// A window the kiosk page opened on an allowlisted official origin stays, with a way back to the guide, until the
// visit ends: then it is closed and its origin's data wiped.
import type { Logger } from '../../core/log';
import { keyBlockerScript } from '../common/blocked-keys';
import type { Cdp } from './cdp-pipe';
import { wayBackScript } from './official-way-back';
import { decideTarget, originOf, type TargetInfo } from './target-rules';

export interface EscapeGuardOptions {
  readonly homeUrl: string;
  readonly log: Pick<Logger, 'warn' | 'info'>;
  /** Official origins the site configuration allowlists (issue 15); none by default. */
  readonly allowlist?: readonly string[];
  /** The kiosk page is gone (its window was closed): the supervisor replaces the browser. */
  readonly onKioskGone: () => void;
  /**
   * An official window asked to print (its page called window.print()): the kiosk prints it its own way. Without it,
   * window.print() there does nothing. Either way it never reaches the print dialog's toolkit, which freezes the window
   * with Debian 12's 2026 CUPS (print-page.ts).
   */
  readonly onOfficialPrint?: (targetId: string) => void;
}

/** The name of the page binding an official window's window.print() calls instead of the browser's printing. */
const printBinding = 'passerellePrint';
/** In the official page's own world, before its scripts: print() asks the kiosk (or does nothing without a printer). */
const officialPrintScript = (routed: boolean) =>
  `window.print = function print() {${routed ? ` try { ${printBinding}(''); } catch (error) {}` : ''} };`;

/** How long a window the kiosk page opened may stay without an address before it is closed. */
const addresslessMs = 3000;

export interface EscapeGuard {
  /** The visit ended: every official window closes and the data of every official origin it showed is wiped. */
  closeOfficialWindows(): Promise<void>;
}

export async function guardEscapes(cdp: Cdp, options: EscapeGuardOptions): Promise<EscapeGuard> {
  const kioskOrigin = new URL(options.homeUrl).origin;
  const allowlist = options.allowlist ?? [];
  let kiosk: { targetId: string; sessionId: string | null } | null = null;
  const contexts = new Set<string>();
  const closing = new Set<string>();
  // The official windows open now, and every official origin a window showed during this visit.
  const official = new Map<string, TargetInfo>();
  const officialOrigins = new Set<string>();
  // The debugging session of each official window, for its print requests.
  const officialSessions = new Map<string, string>();
  // A window the kiosk page opened that has no address yet: closed if it still has none after a while.
  const addressless = new Map<string, ReturnType<typeof setTimeout>>();
  // Targets already gone: a late "changed" event about one must not bring it back to life in the lists above.
  const gone = new Set<string>();
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
    // Once more in the document there is (the script guards against running twice). A page between two documents (its
    // renderer killed, the new one not made yet) has none to run it in: the next document gets it from the line above,
    // and the adoption goes on, so the windows seen before are still decided.
    await cdp.send('Runtime.evaluate', { expression: source }, sessionId).catch(() => undefined);
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

  // A kept official window: its origin is remembered for the wipe, and it gets a button back to the guide (once).
  const keepOfficial = async (info: TargetInfo) => {
    const known = official.has(info.targetId);
    official.set(info.targetId, info);
    const origin = strayOrigin(info.url, kioskOrigin);
    if (origin) officialOrigins.add(origin);
    if (known) return;
    options.log.info('lockdown.officialWindowKept', {});
    const label = await kioskText('officialBack');
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: info.targetId, flatten: true });
    const source = wayBackScript(label);
    // Its own world: the official page's scripts and content security policy neither see nor stop the button.
    await cdp.send('Page.enable', {}, sessionId);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source, worldName: 'passerelle-way-back', runImmediately: true }, sessionId);
    const { executionContextId } = await cdp.send<{ executionContextId: number }>(
      'Page.createIsolatedWorld',
      { frameId: info.targetId, worldName: 'passerelle-way-back' },
      sessionId,
    );
    await cdp.send('Runtime.evaluate', { expression: source, contextId: executionContextId }, sessionId);
    // Its print button prints through the kiosk (a PDF to the queue), never through the browser's print dialog.
    officialSessions.set(sessionId, info.targetId);
    const routed = options.onOfficialPrint !== undefined;
    if (routed) await cdp.send('Runtime.addBinding', { name: printBinding }, sessionId);
    const noDialog = officialPrintScript(routed);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: noDialog, runImmediately: true }, sessionId);
    await cdp.send('Runtime.evaluate', { expression: noDialog }, sessionId);
  };

  /** A text the kiosk page put on its root element for the supervisor (in the visitor's language), or ''. */
  const kioskText = async (name: string): Promise<string> => {
    const sessionId = kiosk?.sessionId;
    if (!sessionId) return '';
    const answer = await cdp
      .send<{ result: { value?: unknown } }>(
        'Runtime.evaluate',
        { expression: `document.documentElement.dataset[${JSON.stringify(name)}] ?? ''`, returnByValue: true },
        sessionId,
      )
      .catch(() => null);
    return typeof answer?.result.value === 'string' ? answer.result.value.slice(0, 80) : '';
  };

  const closeOfficialWindows = async () => {
    const open = [...official.values()];
    official.clear();
    for (const info of open) await cdp.send('Target.closeTarget', { targetId: info.targetId }).catch(() => undefined);
    const sessionId = kiosk?.sessionId;
    for (const origin of officialOrigins) {
      if (sessionId)
        await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }, sessionId).catch(warn('lockdown.wipeFailed'));
    }
    for (const context of new Set(open.map((info) => info.browserContextId))) {
      if (context) await cdp.send('Storage.clearCookies', { browserContextId: context }).catch(() => undefined);
    }
    if (open.length > 0 || officialOrigins.size > 0) options.log.info('lockdown.officialWindowsWiped', { windows: open.length });
    officialOrigins.clear();
  };

  const bringHome = async (why: string) => {
    const sessionId = kiosk?.sessionId;
    if (!sessionId) return;
    options.log.warn('lockdown.kioskBroughtHome', { why });
    await cdp.send('Page.navigate', { url: options.homeUrl }, sessionId).catch(warn('lockdown.bringHomeFailed'));
  };

  function decide(info: TargetInfo): void {
    if (gone.has(info.targetId)) return;
    denyDownloads(info.browserContextId);
    const decision = decideTarget(info, { kioskOrigin, kioskTargetId: kiosk?.targetId ?? null, allowlist });
    clearTimeout(addressless.get(info.targetId));
    addressless.delete(info.targetId);
    if (decision.action === 'wait' && kiosk) {
      const timer = setTimeout(() => {
        addressless.delete(info.targetId);
        void closeStray(info);
      }, addresslessMs);
      timer.unref();
      addressless.set(info.targetId, timer);
    }
    if (decision.action === 'adopt-kiosk') adopt(info).catch(warn('lockdown.kioskAttachFailed'));
    else if (decision.action === 'close') {
      official.delete(info.targetId);
      void closeStray(info);
    } else if (decision.action === 'keep' && info.targetId !== kiosk?.targetId) keepOfficial(info).catch(warn('lockdown.wayBackFailed'));
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
    clearTimeout(addressless.get(String(params.targetId)));
    addressless.delete(String(params.targetId));
    official.delete(String(params.targetId));
    for (const [session, target] of officialSessions) if (target === params.targetId) officialSessions.delete(session);
    gone.add(String(params.targetId));
    if (kiosk && params.targetId === kiosk.targetId) {
      kiosk = null;
      options.log.warn('lockdown.kioskClosed', {});
      options.onKioskGone();
    }
  });
  // A crashed kiosk page comes back home as a new visit (page-guard.ts): the official windows of the old one go now.
  cdp.on('Target.targetCrashed', (params) => {
    if (kiosk && params.targetId === kiosk.targetId) void closeOfficialWindows();
  });
  cdp.on('Runtime.bindingCalled', (params, sessionId) => {
    const targetId = sessionId ? officialSessions.get(sessionId) : undefined;
    if (params.name !== printBinding || !targetId || !official.has(targetId)) return;
    options.onOfficialPrint?.(targetId);
  });
  cdp.on('Page.fileChooserOpened', () => options.log.warn('lockdown.fileChooserRefused', {}));
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'deny' });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  for (const info of targetInfos) decide(info);
  return { closeOfficialWindows };
}

/** The web origin a closed target was on, when it is one other than the kiosk's own. */
function strayOrigin(url: string, kioskOrigin: string): string | null {
  const origin = originOf(url);
  return origin !== null && origin !== 'null' && origin !== kioskOrigin ? origin : null;
}
