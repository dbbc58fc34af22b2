// The app's own origin in Electron, and the window-open policy. Which page may show what: official-pane.ts.

export const appScheme = 'app';
export const appOrigin = `${appScheme}://kiosk`;
export const appHomeUrl = `${appOrigin}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === 'kiosk';
}

/** New windows are never opened: the page shows the address (and a QR code) instead. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}
