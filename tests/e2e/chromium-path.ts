// Where the system's Chromium is (PASSERELLE_CHROMIUM, else where the kiosk launcher looks), and how the tests and the
// bench start it. Without one, the tests say once what to install instead of Playwright's advice to download a browser.
import { chromiumMissingMessage, findChromium } from '../../main/hosts/launcher/chromium';

export function chromiumExecutable(): string | undefined {
  return findChromium() ?? undefined;
}

/** The browser for Playwright, or an error that says which package to install or which variable to fix. */
export function requireChromium(): string {
  const found = chromiumExecutable();
  if (!found) throw new Error(`The browser tests need Chromium. ${chromiumMissingMessage()}`);
  return found;
}

/** No sandbox (containers), no GPU, and nothing running in the background that would disturb a test or a timing. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
