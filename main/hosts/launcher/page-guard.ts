// Watches the kiosk browser's pages through CDP: when a page's renderer crashes or is killed, the visitor's data of
// the app's origin is wiped (storage, caches, cookies) and the page goes back to the clean home screen.
import type { Logger } from '../../core/log';
import { answerWithin } from '../common/answer-within';
import type { Cdp } from './cdp-pipe';
import { isKioskUrl, type TargetInfo } from './target-rules';

export interface PageGuardOptions {
  /** The app's address: its origin is wiped, and crashed pages go back to it. */
  readonly homeUrl: string;
  readonly log: Pick<Logger, 'warn' | 'info'>;
  /** A page that does not answer for this long is hung (default 15 s)... */
  readonly hangAfterMs?: number;
  /** ...checked this often (default 5 s). */
  readonly checkEveryMs?: number;
  /** What to do with a hung page: the supervisor kills the browser and starts a fresh one. */
  readonly onHung?: () => void;
}

export async function guardKioskPages(cdp: Cdp, options: PageGuardOptions): Promise<void> {
  const origin = new URL(options.homeUrl).origin;
  const recover = async (targetId: string, why: string) => {
    options.log.warn('renderer.recovered', { why });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    // The page's own storage partition (the kiosk browser is off the record): web storage, IndexedDB, Cache Storage, cookies.
    // Through the page's session: the off-the-record context is not reachable from the browser level.
    await step('clear', cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }, sessionId));
    await step('navigate', cdp.send('Page.navigate', { url: options.homeUrl }, sessionId));
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  };
  const step = (name: string, done: Promise<unknown>) =>
    done.catch((error: unknown) => {
      options.log.warn('renderer.recoveryStepFailed', { step: name, error: error instanceof Error ? error.message : 'unknown' });
    });
  cdp.on('Target.targetCrashed', (params) => {
    const targetId = String(params.targetId);
    recover(targetId, String(params.status ?? 'crashed')).catch((error: unknown) =>
      options.log.warn('renderer.recoveryFailed', { error: error instanceof Error ? error.message : 'unknown' }),
    );
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  if (options.onHung) watchForHangs(cdp, origin, options, options.onHung);
}

/**
 * Asks each app page a trivial question regularly: a renderer stuck in a loop cannot answer, and cannot be navigated
 * either (it is busy), so the browser is replaced. The browser's own answers are waited for the same time: a browser
 * process that stopped (stuck in a system call, a toolkit's dialog, a deadlock) keeps its window frozen and its
 * debugging pipe open, and is replaced too. Returns a function that stops watching.
 */
function watchForHangs(cdp: Cdp, origin: string, options: PageGuardOptions, onHung: () => void): () => void {
  const hangAfterMs = options.hangAfterMs ?? 15_000;
  let busy = false;
  const hung = (event: 'browser.hung' | 'renderer.hung') => {
    options.log.warn(event, {});
    clearInterval(timer);
    onHung();
  };
  const check = async () => {
    if (cdp.closed) return clearInterval(timer);
    if (busy) return;
    busy = true;
    try {
      const targets = await answerWithin(cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets'), hangAfterMs);
      if (!targets) return hung('browser.hung');
      for (const page of targets.value.targetInfos.filter((t) => t.type === 'page' && isKioskUrl(t.url, origin))) {
        const attached = await answerWithin(
          cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: page.targetId, flatten: true }),
          hangAfterMs,
        );
        if (!attached) return hung('browser.hung');
        const { sessionId } = attached.value;
        // A refusal is an answer: the page is closing or navigating, not hung.
        const answered = await answerWithin(
          cdp.send('Runtime.evaluate', { expression: '1', returnByValue: true }, sessionId).catch(() => undefined),
          hangAfterMs,
        );
        if (!answered) return hung('renderer.hung');
        await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }
    } catch {
      // The browser is closing or restarting: the next browser has its own guard.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), options.checkEveryMs ?? 5000);
  timer.unref();
  return () => clearInterval(timer);
}
