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

/**
 * The renderer that Chromium 156 starts for the address bar's suggestion popup (both features: with either left on, it
 * still starts). Each Playwright context opens an ordinary browser window, with an address bar, and so one more of
 * these, which loads and runs about forty of the browser's own scripts as the page under test loads: about 0.8 s of
 * processor time per window on this 2-core machine. The kiosk's app window (`--app=`) has no address bar and starts
 * none; tests/bench/startup.bench.ts stops if the tests' browser starts one, which would not be the kiosk's browser.
 */
export const addressBarPopupFeatures: readonly string[] = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The features Playwright 1.65 turns off itself. Chromium keeps only the last `--disable-features` it is given, and
 * Playwright puts ours after its own: ours must repeat its list, or its list is lost (paint holding back on, requests
 * to Google's servers…). tests/e2e/test-browser.spec.ts reads the browser's command line and fails, naming them, when
 * a Playwright update turns off features this list lacks.
 */
export const playwrightDisabledFeatures: readonly string[] = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** No sandbox (containers), no GPU, and nothing running in the background that would disturb a test or a timing. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...playwrightDisabledFeatures, ...addressBarPopupFeatures].join(',')}`,
];
