// Watches the kiosk browser's pages through CDP: when a page's renderer crashes or is killed, the visitor's data of
// the app's origin is wiped (storage, caches, cookies) and the page goes back to the clean home screen.
import type { Logger } from '../log';
import type { Cdp } from './cdp-pipe';

export interface PageGuardOptions {
  /** The app's address: its origin is wiped, and crashed pages go back to it. */
  readonly homeUrl: string;
  readonly log: Pick<Logger, 'warn' | 'info'>;
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
    recover(targetId, String(params.status ?? 'crashed')).catch((error: unknown) => options.log.warn('renderer.recoveryFailed', { error: error instanceof Error ? error.message : 'unknown' }));
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
}
