// Endurance: many visitor sessions in a row through the browser, as a kiosk lives for weeks, watching the renderer's
// heap after garbage collection, the host's memory, the state DB on disk, and how long the end-of-visit wipe takes.
import type { Browser, Locator, Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { needIds } from '../../renderer/kit/screens';
import type { RunningHost } from '../e2e/host-process';
import { languages } from '../../renderer/i18n/languages';
import { KioskPage, kioskScreen, t, texts, type WipeTimes } from './kiosk-page';
import { collectHostGarbage, hostRssBytes } from './host-inspector';
import { growthPercent, percentile, ratio, tapFigures, type Measure } from './measure';

/** The idle warning's countdown (renderer/visit/IdleWarning.tsx), not imported: that would load React into the bench. */
const warningSeconds = 30;
const searchQueries = ['carte vitale', 'ameli', 'médecin', 'mutuelle', 'arnaque', 'ordonnance', 'zzzz'];

/** Once the app has taken over after a wipe and drawn the need screens ahead (Visit.tsx): the page is still. */
const appStill = (kiosk: KioskPage): Promise<void> =>
  kiosk.page.locator('main h1:not(article h1)').nth(needIds.length).waitFor({ state: 'attached' });

/**
 * The renderer's JS heap after two full garbage collections, in bytes, on the page as a visitor finds it a moment
 * after the home screen is back: the visit's code here and the need screens drawn ahead, hidden (Visit.tsx). Readings
 * taken before and after they are drawn would differ by those screens, not by a leak.
 */
async function rendererHeapAfterGc(kiosk: KioskPage): Promise<number> {
  await appStill(kiosk);
  // And the topic drawn ahead, hidden, once its page is here (Visit.tsx): in both readings, not only the later one. A
  // pack without any topic draws none: the reading then goes on after the wait.
  await kiosk.page
    .locator('main article')
    .waitFor({ state: 'attached', timeout: 10_000 })
    .catch(() => undefined);
  // And every page the need screens list, asked for one need per idle period (usePrefetchListedItems). Read before,
  // the page had made 26 to 70 of its 60 to 73 requests, and its heap went from 4.3 to 4.8 MiB from one wipe to the
  // next (4.7 to 4.9 MiB once quiet): the growth figure said how far the prefetch had got (6.8 and 0.3 % in two runs).
  await untilQuiet(kiosk.page);
  const cdp = await kiosk.page.context().newCDPSession(kiosk.page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * Until the page has asked nothing and received nothing for longer than the prefetch's idle-time limit (2 s,
 * content-cache.ts), ten seconds at most: a reading taken after it no longer depends on how far the prefetch got.
 */
async function untilQuiet(page: Page, quietMs = 2500, limitMs = 10_000): Promise<void> {
  let last = Date.now();
  const seen = () => void (last = Date.now());
  page.on('request', seen);
  page.on('requestfinished', seen);
  try {
    const end = Date.now() + limitMs;
    while (Date.now() - last < quietMs && Date.now() < end) await page.waitForTimeout(100);
  } finally {
    page.off('request', seen);
    page.off('requestfinished', seen);
  }
}

const stateDbBytes = (host: RunningHost): number =>
  ['state.db', 'state.db-wal'].reduce((sum, name) => {
    try {
      return sum + statSync(`${host.dataDir}/${name}`).size;
    } catch {
      return sum;
    }
  }, 0);

/** A visit's first need tile and first listed page, timed as the transitions' taps are (press to heading focused). */
interface FirstTaps {
  readonly tile: number[];
  readonly page: number[];
}

/**
 * One visitor: maybe a search, a need and one of its pages (a journey walked some steps), maybe language or comfort,
 * then Terminer. With `timed`, the visitor comes once the page is still after the last wipe (its need screens drawn
 * ahead), as the next visitor finds a kiosk, and the tile's and the page's taps are timed: every visit starts on a new
 * page, whose first taps meet code, fonts and screens not used yet.
 */
async function visit(kiosk: KioskPage, index: number, timed: FirstTaps | null = null): Promise<WipeTimes> {
  const { page } = kiosk;
  const tap = async (locator: Locator, into: number[] | undefined) => {
    if (!into) return locator.click();
    into.push((await kiosk.timedTap(locator, 'screen')).focused);
  };
  if (timed) await appStill(kiosk);
  if (index % 3 === 0) {
    await kiosk.button(t.nav.search).click();
    await page.getByRole('searchbox', { name: t.search.label }).fill(searchQueries[index % searchQueries.length] ?? 'ameli');
    await page.getByRole('status').filter({ hasText: /\S/ }).first().waitFor();
    await kiosk.button(t.nav.home).click();
  }
  const need = needIds[index % needIds.length] ?? 'mon-espace-sante';
  await tap(
    page.getByRole('list', { name: t.home.needsLabel }).getByRole('button', { name: t.needs[need].label, exact: true }),
    timed?.tile,
  );
  await page.getByRole('heading', { level: 2, name: t.needPage.pages }).waitFor();
  const pages = kiosk.listedPages;
  await tap(pages.nth(Math.floor(index / needIds.length) % (await pages.count())), timed?.page);
  const next = kiosk.button(t.journey.next);
  for (const answer of [t.journey.yes, t.journey.yes, t.journey.yes, t.journey.yes, t.journey.start]) {
    const button = kiosk.button(answer);
    if (await button.isVisible()) await button.click();
  }
  for (let step = 0; step < index % 4 && (await next.isVisible()); step++) await next.click();
  let language = t;
  if (index % 5 === 1) {
    const code = index % 2 ? 'en' : 'ar';
    await page.getByRole('radio', { name: languages[code].autonym }).click();
    language = texts[code];
    await kiosk.button(language.nav.end).waitFor();
  }
  if (index % 4 === 3) {
    await kiosk.button(language.comfort.open).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('radio')
      .nth(index % 3)
      .click();
    await dialog.getByRole('button', { name: language.glossary.close, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  return kiosk.endVisit(language);
}

/** A visitor who walks away: the idle warning comes after the site's idle time, then the visit ends on its own (page clock moved forward). */
async function idleVisit(browser: Browser, host: RunningHost, idleSeconds: number): Promise<void> {
  const context = await browser.newContext(kioskScreen);
  const page = await context.newPage();
  const now = Date.now();
  await page.clock.install({ time: now });
  const kiosk = await KioskPage.open(page, host.url);
  await page.clock.pauseAt(now + 5_000);
  await page.getByRole('list', { name: t.home.needsLabel }).getByRole('button').first().click();
  await page.getByRole('heading', { level: 2, name: t.needPage.pages }).waitFor();
  await page.clock.fastForward((idleSeconds + 1) * 1000);
  await page.getByRole('alertdialog', { name: t.idle.title }).waitFor();
  const reloaded = page.waitForEvent('load');
  await page.clock.fastForward((warningSeconds + 1) * 1000);
  await reloaded;
  // The app starts once the new page has been still 300 ms on its clock, which is held here: let it run.
  await page.clock.resume();
  await kiosk.ready();
  await context.close();
}

/** The host's resident memory as it is, then once V8 has collected all it can (through the host's inspector). */
async function hostMemory(host: RunningHost, inspectorPort: number): Promise<{ now: number; afterGc: number }> {
  const now = await hostRssBytes(host.process.pid ?? 0);
  await collectHostGarbage(inspectorPort);
  return { now, afterGc: await hostRssBytes(host.process.pid ?? 0) };
}

/** How often the bare page's wipe is timed between the app's: after every fifth visit. */
const bareWipeEvery = 5;
/** How often a visit's first taps are timed: the visit after each bare page's wipe. */
const firstTapsEvery = 5;

/**
 * `sessions` visits; one in a hundred (the 50th, 150th…) walks away and ends by the idle timeout instead of Terminer.
 * The host was started with its inspector on `inspectorPort` (host-inspector.ts). Every fifth visit, the bare page's
 * wipe (`bare`, tests/bench/bare-page.ts) is timed too, in turn with the app's: the floor of a wipe on this machine.
 */
export async function benchEndurance(
  browser: Browser,
  host: RunningHost,
  idleSeconds: number,
  kiosk: KioskPage,
  sessions: number,
  inspectorPort: number,
  bare: KioskPage,
): Promise<Measure[]> {
  const early = Math.max(1, Math.round(sessions / 10));
  const dbBefore = stateDbBytes(host);
  const wipes: WipeTimes[] = [];
  const bareWipes: number[] = [];
  const firstTaps: FirstTaps = { tile: [], page: [] };
  // A middle reading tells warming up (growth that slows down) from a leak (growth that keeps its pace).
  const middle = Math.round((early + sessions) / 2);
  let heapEarly = 0;
  // The inspector's first session sets up what it keeps for the next ones: in both readings, not only the later ones.
  await collectHostGarbage(inspectorPort);
  let rssEarly = { now: 0, afterGc: 0 };
  let rssMiddle = { now: 0, afterGc: 0 };
  for (let index = 1; index <= sessions; index++) {
    if (index % 100 === 50) await idleVisit(browser, host, idleSeconds);
    else wipes.push(await visit(kiosk, index, index % firstTapsEvery === 1 ? firstTaps : null));
    if (index % bareWipeEvery === 0) {
      // Once the app's page is still again (its need screens drawn ahead), as a floor is not timed beside a busy page.
      await appStill(kiosk);
      bareWipes.push((await bare.endVisit()).painted);
    }
    if (index === early) {
      heapEarly = await rendererHeapAfterGc(kiosk);
      rssEarly = await hostMemory(host, inspectorPort);
    }
    if (index === middle) rssMiddle = await hostMemory(host, inspectorPort);
  }
  const heapLate = await rendererHeapAfterGc(kiosk);
  const rssLate = await hostMemory(host, inspectorPort);
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const painted = wipes.map((w) => w.painted);
  const wipe = (name: string, part: (times: WipeTimes) => number, p: number, budget?: number): Measure => ({
    section: 'Endurance',
    name,
    value: percentile(wipes.map(part), p),
    unit: 'ms',
    samples: wipes.length,
    ...(budget === undefined ? {} : { budget }),
  });
  return [
    { section: 'Endurance', name: `renderer heap after GC, session ${early}`, value: mb(heapEarly), unit: 'MiB' },
    { section: 'Endurance', name: `renderer heap after GC, session ${sessions}`, value: mb(heapLate), unit: 'MiB' },
    {
      section: 'Endurance',
      name: `renderer heap growth, session ${early} to ${sessions}`,
      value: growthPercent(heapEarly, heapLate),
      unit: '%',
      budget: 5,
    },
    ...(['afterGc', 'now'] as const).flatMap((when) =>
      [early, middle, sessions].map((session, i): Measure => ({
        section: 'Endurance',
        name: `host RSS ${when === 'afterGc' ? 'after GC' : 'as it was'}, session ${session}`,
        value: mb([rssEarly, rssMiddle, rssLate][i]?.[when] ?? Number.NaN),
        unit: 'MiB',
      })),
    ),
    {
      section: 'Endurance',
      name: `host RSS after GC, growth session ${early} to ${sessions}`,
      value: growthPercent(rssEarly.afterGc, rssLate.afterGc),
      unit: '%',
      budget: 5,
    },
    {
      section: 'Endurance',
      name: `host RSS after GC, growth session ${middle} to ${sessions}`,
      value: growthPercent(rssMiddle.afterGc, rssLate.afterGc),
      unit: '%',
    },
    {
      section: 'Endurance',
      name: `host RSS as it was, growth session ${early} to ${sessions}`,
      value: growthPercent(rssEarly.now, rssLate.now),
      unit: '%',
    },
    {
      section: 'Endurance',
      name: `state DB growth over ${sessions} sessions`,
      value: stateDbBytes(host) - dbBefore,
      unit: 'bytes',
      budget: 0,
    },
    // Once the host has wiped, the page being left draws the next visitor's home page, then reloads
    // (renderer/kit/clean-home.ts): from then the visitor sees it and can tap it (a tap is kept for the new document,
    // tests/e2e/wipe-clean-home.spec.ts). Its time is the end of the frame that draws it, as a tap's new screen is
    // `drawn` (kiosk-page.ts); the browser presents that frame some milliseconds later, and keeps it on screen until
    // the new document paints. The page a wipe reloads to is that home screen, built at build time: from its
    // first paint it is tappable with no script (tests/e2e/static-home.spec.ts). The app takes over once the page has
    // loaded and been still 300 ms, or at once on a tap only it answers (renderer/public/app-loader.js).
    wipe('wipe: confirm tap to home painted and tappable p50', (w) => w.painted, 50),
    wipe('wipe: confirm tap to home painted and tappable p95', (w) => w.painted, 95, 150),
    wipe('wipe: confirm tap to home painted and tappable p99', (w) => w.painted, 99),
    wipe('wipe: confirm tap to home drawn by the page being left p50', (w) => w.leftPage, 50),
    wipe('wipe: confirm tap to home drawn by the page being left p95', (w) => w.leftPage, 95),
    wipe('wipe: confirm tap to the new document painted p50', (w) => w.newDocument, 50),
    wipe('wipe: confirm tap to the new document painted p95', (w) => w.newDocument, 95),
    ...([50, 95] as const).map((p): Measure => ({
      section: 'Endurance',
      name: `wipe: confirm tap to painted, bare page p${p}`,
      value: percentile(bareWipes, p),
      unit: 'ms',
      samples: bareWipes.length,
    })),
    ...([50, 95] as const).flatMap((p): Measure[] => [
      {
        section: 'Endurance',
        name: `wipe: confirm tap to home painted p${p}, app ÷ bare page`,
        value: ratio(painted, bareWipes, p),
        unit: '×',
        samples: bareWipes.length,
      },
      {
        section: 'Endurance',
        name: `wipe: confirm tap to the new document painted p${p}, app ÷ bare page`,
        value: ratio(
          wipes.map((w) => w.newDocument),
          bareWipes,
          p,
        ),
        unit: '×',
        samples: bareWipes.length,
      },
    ]),
    wipe('wipe: confirm tap to the app taking over p50', (w) => w.total, 50),
    wipe('wipe: confirm tap to the app taking over p95', (w) => w.total, 95),
    wipe('wipe: confirm tap to the app taking over p99', (w) => w.total, 99),
    wipe('wipe p50, part 1: end of visit and unload', (w) => w.toNewPage, 50),
    wipe('wipe p50, part 2: page and scripts loaded', (w) => w.toBoot, 50),
    wipe('wipe p50, part 3: renderer boot to first render', (w) => w.bootToReady, 50),
    ...firstTapFigures(firstTaps),
  ];
}

/** p50, p95 and the share within one frame of a visit's first tile and page taps, together and apart: informative. */
function firstTapFigures(taps: FirstTaps): Measure[] {
  const figures = (label: string, times: readonly number[]): Measure[] =>
    tapFigures('Endurance', times, (which) => (which === 'frame' ? `${label} within one frame` : `${label} ${which}`));
  return [
    ...figures("a visit's first taps (its need, then one of its pages), tap to heading focused", [...taps.tile, ...taps.page]),
    ...figures("a visit's first need: home → need", taps.tile),
    ...figures("a visit's first page: need → page", taps.page),
  ];
}
