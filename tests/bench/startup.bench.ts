// Start to interactive: launching the web host until the home screen answers a tap in Chromium, against a bare
// static page served by a minimal Node host and timed the same way, sample by sample in turn; then the pages alone,
// against hosts already running.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { codeCacheDir, codeCacheWriteAfterMs, hasCodeCache } from '../../main/hosts/common/code-cache';
import { firstPageFile, fittingFirstPage } from '../../main/hosts/common/first-page';
import { securityHeaders } from '../../main/hosts/common/http-headers';
import { startHost, stopHost, webHostArgs } from '../e2e/host-process';
import { startBareHost, type LaunchedHost } from './bare-page';
import { browserInterfaceRenderers } from './browser-processes';
import { kioskScreen, t } from './kiosk-page';
import { median, percentile, ratio, type Measure } from './measure';

/**
 * The kiosk's cross-origin headers (not its content policy, which would refuse the bare page's inline script): with
 * `Cross-Origin-Opener-Policy` a tab's first page moves to a browsing-context group of its own, in a renderer of its own.
 * The bare page sent with them tells that cost from the app's own (informative: the budget's reference is the bare page).
 */
const isolationHeaders = Object.fromEntries(Object.entries(securityHeaders()).filter(([name]) => name.startsWith('Cross-Origin-')));

async function startAppHost(dataDir: string, env?: Record<string, string>): Promise<LaunchedHost> {
  // Timed as a browser meets it: its page is the host's first request (the services open at the app's first call).
  const host = await startHost(dataDir, [], [], { waitForServices: false, ...(env ? { env } : {}) });
  return { url: host.url, stop: () => stopHost(host) };
}

/** The launcher's bundle and the folder where a start keeps its code cache and its first page. */
const bundle = resolve('dist/main/host.cjs');
const cacheDir = () => codeCacheDir(process.env, dirname(bundle));

/** Waits until `done()`, looking every 100 ms; after `limitMs`, stops the bench with `failure`. */
async function keptWithin(done: () => boolean, limitMs: number, failure: string): Promise<void> {
  for (let waited = 0; !done(); waited += 100) {
    if (waited > limitMs) throw new Error(failure);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/**
 * After the unmeasured start, kept running until it has written the launcher's code cache: the samples "with its code
 * cache" are only that if the cache beside the bundle is a whole one for this very build, checked as a start checks it.
 */
const codeCacheWritten = (): Promise<void> =>
  keptWithin(
    () => hasCodeCache(bundle, cacheDir()),
    codeCacheWriteAfterMs + 10_000,
    `the host wrote no code cache for ${bundle} in ${cacheDir()}: the start figures would be a first start's`,
  );

/**
 * After the unmeasured start, kept running until it has kept its first page: the app's measured starts are answered
 * by the first stage (as a kiosk's are when its browser already waits) only if the kept page fits their very command
 * line, configuration and build, checked as a start checks it.
 */
const firstPageKept = (dataDir: string): Promise<void> =>
  keptWithin(
    () => fittingFirstPage(firstPageFile(cacheDir()), webHostArgs(dataDir)) !== null,
    10_000,
    `no kept first page in ${cacheDir()} fits ${webHostArgs(dataDir).join(' ')}: the app's start figures would not be the first stage's`,
  );

/**
 * With a context open, the bench's Chromium must run no renderer for its own interface: the kiosk's app window starts
 * none, and one busy beside the measured page (about 0.8 s of processor time per window) would time another browser
 * than the kiosk's (tests/e2e/chromium-path.ts turns it off).
 */
function kioskBrowserOnly(): void {
  const renderers = browserInterfaceRenderers();
  if (renderers === null) console.log('start: this system has no /proc, the browser’s own renderers were not looked for');
  else if (renderers.length > 0)
    throw new Error(
      `the bench's Chromium runs ${renderers.length} renderer(s) for its own interface (--top-chrome-webui), which the kiosk's app window does not: the start figures would not be the kiosk's`,
    );
}

/**
 * Host launch to listening, with the code cache a previous start wrote (every start of a kiosk but the first after
 * an install or an update) and without (an empty cache directory each time), in turn.
 */
async function hostListening(samples: number): Promise<Measure[]> {
  await codeCacheWritten();
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-listen-'));
  const cached: number[] = [];
  const first: number[] = [];
  try {
    for (let sample = 0; sample < samples; sample++) {
      for (const kind of sample % 2 === 0 ? (['cached', 'first'] as const) : (['first', 'cached'] as const)) {
        const cacheDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-cache-'));
        const started = performance.now();
        const host = await startAppHost(dataDir, kind === 'first' ? { CACHE_DIRECTORY: cacheDir } : undefined);
        (kind === 'cached' ? cached : first).push(performance.now() - started);
        await host.stop();
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return [
    {
      section: 'Start',
      name: 'host launch to listening, with its code cache (median)',
      value: Math.round(median(cached)),
      unit: 'ms',
      samples,
    },
    {
      section: 'Start',
      name: 'host launch to listening, first start after an update, no code cache (median)',
      value: Math.round(median(first)),
      unit: 'ms',
      samples,
    },
  ];
}

/**
 * A new context, empty, and a way to open its one page with `url` as that page's first navigation, as the kiosk's
 * window opens its address (`--app=URL`): the page gets a renderer process started for it, the app's as the bare
 * page's. A page opened blank and then sent to the address (Playwright's `newPage` and `goto`) handed the bare page
 * the blank page's renderer, already running, while the app's opener policy moves its page to a new one: a head start
 * no kiosk start gives the bare page (nineteenth session, BENCHMARKS.md).
 */
async function freshContext(browser: Browser): Promise<{ context: BrowserContext; open: (url: string) => Promise<Page> }> {
  const cdp = await browser.newBrowserCDPSession();
  const contexts = async () => ((await cdp.send('Target.getBrowserContexts')) as { browserContextIds: string[] }).browserContextIds;
  const before = new Set(await contexts());
  const context = await browser.newContext({ viewport: kioskScreen.viewport });
  const created = (await contexts()).filter((id) => !before.has(id));
  const [browserContextId] = created;
  if (created.length !== 1 || !browserContextId) {
    await context.close();
    await cdp.detach();
    throw new Error(`the bench could not tell its new context among the browser's (${created.length} new): the start needs its id`);
  }
  const open = async (url: string) => {
    const opened = context.waitForEvent('page');
    try {
      await cdp.send('Target.createTarget', { url, browserContextId });
    } finally {
      await cdp.detach();
    }
    return opened;
  };
  return { context, open };
}

/**
 * The same steps for both, as a person meets them: start the host, open its page as the kiosk's window does, wait
 * for the focused heading, tap the button, see the dialog. The app's home is the page built at build time, tappable
 * before any script runs (a tap is kept for the app, which takes over after); when the app took over (its
 * `data-ready` marker, set by the bare page's script too) is timed beside it.
 */
async function timeToInteractive(
  browser: Browser,
  launch: () => Promise<LaunchedHost>,
): Promise<{ ms: number; hostMs: number; paintMs: number; readyMs: number; page: Page; host: LaunchedHost }> {
  const { context, open } = await freshContext(browser);
  const started = performance.now();
  const host = await launch();
  const hostMs = performance.now() - started;
  let ms: number;
  let page: Page;
  try {
    page = await open(host.url);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await page.getByRole('button', { name: t.comfort.open, exact: true }).click();
    await page.getByRole('dialog').waitFor();
    ms = performance.now() - started;
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  } catch (error) {
    // A failed sample must not leave its host running after the bench.
    await context.close();
    await host.stop();
    throw error;
  }
  // The first paint and the takeover, on the same clock.
  const [paintEpoch = Number.NaN, readyEpoch = Number.NaN] = await page.evaluate(() =>
    ['first-contentful-paint', 'passerelle:ready'].map(
      (name) => performance.timeOrigin + (performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
    ),
  );
  const since = performance.timeOrigin + started;
  return { ms, hostMs, paintMs: paintEpoch - since, readyMs: readyEpoch - since, page, host };
}

/** From the renderer's first line to its first interactive render, and the browser's first contentful paint. */
const rendererTimes = (page: Page) =>
  // No helper function inside: the bench runs through tsx, whose name-keeping wrapper does not exist in the page.
  page
    .evaluate(() =>
      ['passerelle:boot', 'passerelle:ready', 'first-contentful-paint'].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
      ),
    )
    .then(([boot = Number.NaN, ready = Number.NaN, paint = Number.NaN]) => ({ firstRender: ready - boot, firstPaint: paint }));

/**
 * Whether the home screen the host serves is painted and answers a tap with scripts off, as after a wipe before
 * any script has run: its heading is shown and the Confort button opens its dialog. 1 for yes, 0 for no.
 */
async function homeWithoutScript(browser: Browser): Promise<Measure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-static-'));
  const host = await startAppHost(dataDir);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  let works = false;
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const heading = page.getByRole('heading', { level: 1, name: t.home.title });
    const comfort = page.getByRole('button', { name: t.comfort.open, exact: true });
    if ((await heading.isVisible()) && (await comfort.isVisible())) {
      await comfort.click({ timeout: 2000 });
      works = await page.getByRole('dialog').isVisible();
    }
  } finally {
    await context.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    section: 'Start',
    name: 'home screen painted and tappable without any script (1 = yes)',
    value: works ? 1 : 0,
    unit: '',
    floor: 1,
  };
}

/**
 * The page alone: the same steps against hosts already running (each started once and its first page served, the
 * app's services open), in turn: what each page costs the browser with no host starting beside it. Beside the start
 * figures it tells the page's share of the gap from the host's.
 */
async function pageAlone(browser: Browser, samples: number): Promise<Record<'app' | 'bare' | 'isolated', number[]>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-page-'));
  const running: Partial<Record<'app' | 'bare' | 'isolated', LaunchedHost>> = {};
  const times = { app: [] as number[], bare: [] as number[], isolated: [] as number[] };
  try {
    running.app = await startAppHost(dataDir);
    running.bare = await startBareHost();
    running.isolated = await startBareHost(isolationHeaders);
    const kinds = ['app', 'bare', 'isolated'] as const;
    for (let sample = -1; sample < samples; sample++) {
      for (const kind of sample % 2 === 0 ? kinds : [...kinds].reverse()) {
        const url = running[kind]?.url ?? '';
        const run = await timeToInteractive(browser, () => Promise.resolve({ url, stop: () => Promise.resolve() }));
        await run.page.context().close();
        if (sample >= 0) times[kind].push(run.ms);
      }
    }
  } finally {
    await Promise.all(Object.values(running).map((host) => host.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return times;
}

export async function benchStartup(browser: Browser, samples: number): Promise<Measure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-start-'));
  const app: number[] = [];
  const bare: number[] = [];
  const isolated: number[] = [];
  const firstRender: number[] = [];
  const firstPaint: number[] = [];
  const appHost: number[] = [];
  const bareHost: number[] = [];
  const appPainted: number[] = [];
  const barePainted: number[] = [];
  const appReady: number[] = [];
  const bareReady: number[] = [];
  try {
    // One unmeasured start of each warms the disk cache, creates the state DB and (kept running long enough) writes
    // the host's code cache, as on a kiosk that restarts.
    for (let sample = -1; sample < samples; sample++) {
      const kinds = ['app', 'bare', 'isolated'] as const;
      for (const kind of sample % 2 === 0 ? kinds : [...kinds].reverse()) {
        const launch = kind === 'app' ? () => startAppHost(dataDir) : () => startBareHost(kind === 'isolated' ? isolationHeaders : {});
        const run = await timeToInteractive(browser, launch);
        try {
          if (sample < 0 && kind === 'app') {
            await codeCacheWritten();
            await firstPageKept(dataDir);
            kioskBrowserOnly();
          }
          if (sample >= 0 && kind === 'app') {
            const times = await rendererTimes(run.page);
            app.push(run.ms);
            appHost.push(run.hostMs);
            appPainted.push(run.paintMs);
            appReady.push(run.readyMs);
            firstRender.push(times.firstRender);
            firstPaint.push(times.firstPaint);
          } else if (sample >= 0 && kind === 'isolated') {
            isolated.push(run.ms);
          } else if (sample >= 0) {
            bare.push(run.ms);
            bareHost.push(run.hostMs);
            barePainted.push(run.paintMs);
            bareReady.push(run.readyMs);
          }
        } finally {
          await run.page.context().close();
          await run.host.stop();
        }
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const page = await pageAlone(browser, samples);
  const spread = (kind: string, values: number[]): Measure[] =>
    [50, 95, 99].map((p) => ({
      section: 'Start',
      name: `start to interactive, ${kind} p${p}`,
      value: Math.round(percentile(values, p)),
      unit: 'ms',
      samples,
    }));
  return [
    { section: 'Start', name: 'start to interactive, app ÷ bare page', value: ratio(app, bare), unit: '×', budget: 1.3, samples },
    ...spread('app', app),
    ...spread('bare page', bare),
    {
      section: 'Start',
      name: 'start to interactive, app ÷ bare page sent with the kiosk’s cross-origin headers',
      value: ratio(app, isolated),
      unit: '×',
      samples,
    },
    {
      section: 'Start',
      name: 'start to interactive, bare page with the cross-origin headers p50',
      value: Math.round(percentile(isolated, 50)),
      unit: 'ms',
      samples,
    },
    {
      section: 'Start',
      name: 'start to first paint, app ÷ bare page',
      value: ratio(appPainted, barePainted),
      unit: '×',
      samples,
    },
    ...[50, 95].map((p): Measure => ({
      section: 'Start',
      name: `start to first paint, app p${p}`,
      value: Math.round(percentile(appPainted, p)),
      unit: 'ms',
      samples,
    })),
    { section: 'Start', name: 'start to first paint, bare page p50', value: Math.round(percentile(barePainted, 50)), unit: 'ms', samples },
    {
      section: 'Start',
      name: 'start to the app taking over (React running), app ÷ bare page script',
      value: ratio(appReady, bareReady),
      unit: '×',
      samples,
    },
    ...[50, 95].map((p): Measure => ({
      section: 'Start',
      name: `start to the app taking over, app p${p}`,
      value: Math.round(percentile(appReady, p)),
      unit: 'ms',
      samples,
    })),
    {
      section: 'Start',
      name: 'page alone (host already running), app ÷ bare page',
      value: ratio(page.app, page.bare),
      unit: '×',
      samples,
    },
    {
      section: 'Start',
      name: 'page alone (host already running), app ÷ bare page sent with the kiosk’s cross-origin headers',
      value: ratio(page.app, page.isolated),
      unit: '×',
      samples,
    },
    ...(
      [
        ['app', page.app],
        ['bare page', page.bare],
        ['bare page with the cross-origin headers', page.isolated],
      ] as const
    ).map(([kind, values]): Measure => ({
      section: 'Start',
      name: `page alone (host already running), ${kind} p50`,
      value: Math.round(percentile(values, 50)),
      unit: 'ms',
      samples,
    })),
    await homeWithoutScript(browser),
    ...(await hostListening(samples)),
    { section: 'Start', name: 'of which host launch to listening, app (median)', value: Math.round(median(appHost)), unit: 'ms', samples },
    {
      section: 'Start',
      name: 'of which host launch to listening, bare (median)',
      value: Math.round(median(bareHost)),
      unit: 'ms',
      samples,
    },
    { section: 'Start', name: 'renderer boot to first render (median)', value: Math.round(median(firstRender)), unit: 'ms', samples },
    {
      section: 'Start',
      name: 'first contentful paint, from navigation (median)',
      value: Math.round(median(firstPaint)),
      unit: 'ms',
      samples,
    },
  ];
}
