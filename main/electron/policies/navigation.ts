// Which addresses a kiosk window may show: the app's own pages, and official origins the site allowlisted.

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

/** Navigation inside a window: own pages always, an allowlisted HTTPS origin for guided browsing, nothing else. */
export function isNavigationAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return allowedOrigins.includes(parsed.origin);
}

/** New windows are never opened: the page shows the address (and a QR code) instead. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}
