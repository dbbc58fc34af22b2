// The official service beside the guide (Electron only): an allowlisted official site opened in a pane of the kiosk
// window, in its own in-memory partition that the end of the visit wipes, its navigation held to the allowlist.
import { isAppUrl } from './navigation';

/** No `persist:` prefix: Electron keeps this partition in memory only; the end of a visit also clears it. */
export const officialPartition = 'official-visit';

export interface PaneBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A site opens in the pane only when it is an https address of an allowlisted origin, without credentials. */
export function officialUrlDecision(url: string, allowedOrigins: readonly string[]): 'open' | 'refuse' {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'refuse';
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return 'refuse';
  return allowedOrigins.includes(parsed.origin) ? 'open' : 'refuse';
}

/** Inside the pane: the allowlisted origins only (an official site's own pages, its login pages if allowlisted). */
export function isPaneNavigationAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  return !isAppUrl(url) && officialUrlDecision(url, allowedOrigins) === 'open';
}

/** The kiosk window's own pages: never an outside site, even an allowlisted one (that goes in the pane). */
export function isWindowNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The pane's rectangle, asked by the renderer (where its slot is on screen), kept inside the window's content and
 * large enough to use; null when the request makes no sense (then the pane is not shown).
 */
export function clampPaneBounds(asked: PaneBounds, content: { readonly width: number; readonly height: number }): PaneBounds | null {
  const values = [asked.x, asked.y, asked.width, asked.height];
  if (!values.every((v) => Number.isFinite(v))) return null;
  const x = Math.max(0, Math.min(Math.round(asked.x), content.width));
  const y = Math.max(0, Math.min(Math.round(asked.y), content.height));
  const width = Math.min(Math.round(asked.width), content.width - x);
  const height = Math.min(Math.round(asked.height), content.height - y);
  if (width < 200 || height < 200) return null;
  return { x, y, width, height };
}

/** The pane's web preferences: the same lockdown as the kiosk window, no preload, no bridge to the app. */
export function officialPaneWebPreferences() {
  return {
    partition: officialPartition,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: false,
  } as const;
}
