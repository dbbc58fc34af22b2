// The supervisor adopts the kiosk page while that page has no document yet (its renderer was killed and the new one is
// being made; seen in CI as "Cannot find default execution context"). The race cannot be timed in a real browser, so
// the debugging pipe here answers as Chromium did in that run; the rest of the guard is the real one.
import { describe, expect, it } from 'vitest';
import type { Cdp } from '../../main/hosts/launcher/cdp-pipe';
import { guardEscapes } from '../../main/hosts/launcher/escape-guard';
import type { TargetInfo } from '../../main/hosts/launcher/target-rules';

const home = 'http://127.0.0.1:4321/';
const kioskPage: TargetInfo = { targetId: 'kiosk', type: 'page', url: home };
// A window opened while the kiosk page was restarting (a shortcut pressed at that moment): seen before the kiosk page.
const stray: TargetInfo = { targetId: 'stray', type: 'page', url: 'https://example.org/' };

/** A pipe whose page has no execution context: every evaluation without an explicit context fails as Chromium's does. */
function pipeBetweenDocuments(targets: TargetInfo[]) {
  const sent: { method: string; params: Record<string, unknown> }[] = [];
  const cdp: Cdp = {
    closed: false,
    close: () => undefined,
    on: () => undefined,
    send: <T>(method: string, params: Record<string, unknown> = {}): Promise<T> => {
      sent.push({ method, params });
      if (method === 'Target.getTargets') return Promise.resolve({ targetInfos: targets } as T);
      if (method === 'Target.attachToTarget') return Promise.resolve({ sessionId: 'session-1' } as T);
      if (method === 'Runtime.evaluate' && params.contextId === undefined)
        return Promise.reject(new Error('Cannot find default execution context'));
      return Promise.resolve({} as T);
    },
  };
  return { cdp, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the escape guard adopting a kiosk page that is between two documents', () => {
  it('keeps the key rule for the coming document, closes the windows seen before, and logs no failure', async () => {
    const { cdp, sent } = pipeBetweenDocuments([stray, kioskPage]);
    const warnings: string[] = [];
    await guardEscapes(cdp, {
      homeUrl: home,
      log: { warn: (event) => void warnings.push(event), info: () => undefined },
      onKioskGone: () => undefined,
    });
    await settle();
    const blocker = sent.find((message) => message.method === 'Page.addScriptToEvaluateOnNewDocument');
    expect(blocker?.params.source).toContain('__passerelleKeyBlocker');
    expect(sent.filter((message) => message.method === 'Target.closeTarget').map((message) => message.params.targetId)).toEqual(['stray']);
    expect(warnings.filter((event) => event !== 'lockdown.windowClosed')).toEqual([]);
  });
});
