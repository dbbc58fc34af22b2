// Which browser targets may stay open in the browser-kiosk mode: the kiosk page, and nothing else unless the site
// configuration allowlists an official origin that the kiosk page itself opened.

export interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
  readonly openerId?: string;
  readonly browserContextId?: string;
}

/** Targets the browser draws for itself (its own toolbars and popups) or that run inside an allowed page. */
const innerTypes = new Set(['browser', 'browser_ui', 'iframe', 'worker', 'shared_worker', 'service_worker', 'auction_worklet']);

/** True when `url` is on one of the allowlisted official origins (https only, exact origin). */
export function isAllowedTarget(url: string, allowlist: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return allowlist.some((origin) => {
    try {
      return new URL(origin).origin === parsed.origin;
    } catch {
      return false;
    }
  });
}

/** A page address's web origin (`'null'` for `about:blank`, `data:`…), or null when it is no address at all. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The same origin as the kiosk's, never a prefix match (`http://127.0.0.1` is not `http://127.0.0.1.example`). */
export const isKioskUrl = (url: string, kioskOrigin: string): boolean => originOf(url) === kioskOrigin;

export type TargetDecision =
  | { readonly action: 'ignore' }
  | { readonly action: 'adopt-kiosk' }
  /** No kiosk page yet (the browser is starting): decided again once it is there. */
  | { readonly action: 'wait' }
  | { readonly action: 'keep' }
  | { readonly action: 'bring-home' }
  | { readonly action: 'close' };

export interface TargetContext {
  readonly kioskOrigin: string;
  /** The kiosk page's target, once adopted. */
  readonly kioskTargetId: string | null;
  /** Official origins from the site configuration (empty unless configured). */
  readonly allowlist: readonly string[];
}

/**
 * What the supervisor does with a target it sees created or changed:
 * - the first page on the kiosk's origin becomes the kiosk page; if it leaves the origin it is brought home;
 * - a page the kiosk page opened on an allowlisted official origin stays; one it opened that has no address yet (the
 *   window exists before its first document) waits for its address, when there is an allowlist at all;
 * - every other page or window (a new window, a tab, a settings, history, downloads or developer tools page) is closed.
 */
export function decideTarget(info: TargetInfo, context: TargetContext): TargetDecision {
  if (innerTypes.has(info.type)) return { action: 'ignore' };
  if (info.targetId === context.kioskTargetId) {
    // No address at all: the page is between two documents (its renderer crashed or was killed, the new one has not
    // committed yet). The crash guard brings it home; navigating it here as well races with that recovery.
    if (info.url === '') return { action: 'ignore' };
    return isKioskUrl(info.url, context.kioskOrigin) ? { action: 'keep' } : { action: 'bring-home' };
  }
  if (context.kioskTargetId === null) {
    return info.type === 'page' && isKioskUrl(info.url, context.kioskOrigin) ? { action: 'adopt-kiosk' } : { action: 'wait' };
  }
  if (info.type === 'page' && info.openerId === context.kioskTargetId) {
    if (isAllowedTarget(info.url, context.allowlist)) return { action: 'keep' };
    if (info.url === '' && context.allowlist.length > 0) return { action: 'wait' };
  }
  return { action: 'close' };
}
