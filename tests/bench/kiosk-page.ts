// The bench's hands on the visitor app: taps by role and name (texts from the app's own locale files) and
// in-page timers that start at the tap itself, so Playwright's own round trips are never counted.
import type { CDPSession, Locator, Page } from '@playwright/test';
import ar from '../../renderer/i18n/ar.json' with { type: 'json' };
import en from '../../renderer/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/i18n/fr.json' with { type: 'json' };
import { fingerTap } from '../e2e/finger-tap';

export const t = fr;
export type Texts = typeof fr;
/** The app's texts in each language, for a visit that changes language. */
export const texts: Readonly<Record<'fr' | 'en' | 'ar', Texts>> = { fr, en, ar };

/** What the page records for the bench: installed in every document before the app's own scripts. */
interface BenchProbe {
  /** A selector: the next tap is timed until the focus lands on (or inside) an element it matches. */
  target: string;
  /** The next tap is a finger's, timed from its lift (else a click, timed from its press). */
  fromLift: boolean;
  tapAt: number;
  tapped: Element | null;
  took: number;
  /**
   * From the same start to the end of the rendering of the first frame after the focus landed (a task posted from
   * that frame's animation callback runs once the frame's style, layout and paint are done): the new screen drawn.
   */
  drawn: number;
  /** Epoch time of the last tap, reported to the bench (it survives the reload that ends a visit). */
  reportTap: boolean;
  inputs: [number, number][];
  shown: [number, number][];
}

declare global {
  interface Window {
    passerelleBench?: BenchProbe;
    passerelleBenchTap?: (epochMs: number) => void;
    passerelleBenchPainted?: (originEpochMs: number, paintEpochMs: number) => void;
    passerelleBenchHomeDrawn?: (epochMs: string) => void;
  }
}

function installProbe(): void {
  const probe: BenchProbe = {
    target: '',
    fromLift: false,
    tapAt: -1,
    tapped: null,
    took: -1,
    drawn: -1,
    reportTap: false,
    inputs: [],
    shown: [],
  };
  window.passerelleBench = probe;
  // A click is timed from its press; a finger's tap from its lift, where a press acts (the finger rests first).
  addEventListener(
    'pointerdown',
    (event) => {
      if (probe.reportTap) window.passerelleBenchTap?.(performance.timeOrigin + event.timeStamp);
      if (!probe.target) return;
      if (!probe.fromLift) probe.tapAt = event.timeStamp;
      probe.tapped = event.target instanceof Element ? event.target.closest('button, [role="button"], [role="radio"]') : null;
    },
    true,
  );
  addEventListener(
    'pointerup',
    (event) => {
      if (probe.target && probe.fromLift) probe.tapAt = event.timeStamp;
    },
    true,
  );
  addEventListener(
    'focusin',
    (event) => {
      const element = event.target;
      if (!probe.target || probe.tapAt < 0 || probe.took >= 0 || !(element instanceof Element) || element === probe.tapped) return;
      if (!element.closest(probe.target)) return;
      const tapAt = probe.tapAt;
      probe.took = performance.now() - tapAt;
      requestAnimationFrame(() => {
        const next = new MessageChannel();
        next.port1.onmessage = () => (probe.drawn = performance.now() - tapAt);
        next.port2.postMessage(null);
      });
    },
    true,
  );
  addEventListener(
    'input',
    (event) => {
      if (event.target instanceof HTMLInputElement) probe.inputs.push([performance.now(), event.target.value.length]);
    },
    true,
  );
  addEventListener('passerelle:search-shown', (event) => {
    probe.shown.push([performance.now(), (event as CustomEvent<{ length: number }>).detail.length]);
  });
  // Each document's first contentful paint, sent to the bench when the browser knows it: the bench does not reach
  // into a new document before it has painted (see KioskPage.endVisit).
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (!entry) return;
    observer.disconnect();
    window.passerelleBenchPainted?.(performance.timeOrigin, performance.timeOrigin + entry.startTime);
  }).observe({ type: 'paint', buffered: true });
  // The page being left draws the next visitor's home page, then reloads (renderer/kit/clean-home.ts): the built
  // page comes back into `#root` once the app has run. Timed to the end of the frame that draws it (a task posted from
  // that frame's animation callback), as a tap's new screen is `drawn` (above). Its presentation time (Element
  // Timing) reaches the bench in too few wipes: the page is gone before the browser tells it. Reported through a
  // binding of the bench's own DevTools session (KioskPage.open): Playwright's drops a call whose page is gone.
  addEventListener('DOMContentLoaded', () => {
    const root = document.getElementById('root');
    if (!root) return;
    new MutationObserver(() => {
      if (!root.querySelector(':scope > [data-static-home]') || performance.getEntriesByName('passerelle:ready').length === 0) return;
      requestAnimationFrame(() => {
        const next = new MessageChannel();
        next.port1.onmessage = () => window.passerelleBenchHomeDrawn?.(String(performance.timeOrigin + performance.now()));
        next.port2.postMessage(null);
      });
    }).observe(root, { childList: true });
  });
}

export interface WipeTimes {
  readonly total: number;
  /**
   * To the home page painted and tappable: the page being left shows the next visitor's home page once the host has
   * wiped (a tap on it is kept for the new document), else the new document's first paint.
   */
  readonly painted: number;
  /** To the page being left drawing the next visitor's home page (Infinity when it does not). */
  readonly leftPage: number;
  /** To the new document's first paint: the home page built at build time, tappable before any script runs. */
  readonly newDocument: number;
  /** The renderer's end of visit (clipboard, kiosk.endVisit) and the unload, until the new document starts. */
  readonly toNewPage: number;
  /** The new document: HTML, scripts and style sheets (the wipe emptied the cache), until the renderer's first line. */
  readonly toBoot: number;
  /** The renderer: settings, languages, first render. */
  readonly bootToReady: number;
}

/** A timed tap: to the focus landing (the budget's figure), and to the frame that draws the new screen. */
export interface TapTimes {
  readonly focused: number;
  readonly drawn: number;
}

/** Where the focus goes after a tap: the new screen's heading, the journey's next question or step, a dialog. */
export const focusTargets = { screen: 'h1', journey: '.journey-focus', dialog: '[role="dialog"], [role="alertdialog"]' } as const;
export type FocusTarget = keyof typeof focusTargets;

/** The kiosk's screen, a touch screen, for every context the bench taps in (`KioskPage.tap`: a finger). */
export const kioskScreen = { viewport: { width: 1280, height: 900 }, hasTouch: true } as const;

/** How long a wipe's new document may take to paint before the wipe counts as the slowest, from just before the tap. */
const paintWaitMs = 5000;

export class KioskPage {
  private lastTapEpoch = Number.NaN;
  private onPaint: ((originEpochMs: number, paintEpochMs: number) => void) | null = null;
  /** When the page being left drew the next visitor's home page (epoch ms), since the last wipe began. */
  private homeDrawn: number[] = [];
  private touch: CDPSession | null = null;

  private constructor(readonly page: Page) {}

  static async open(page: Page, url: string): Promise<KioskPage> {
    const kiosk = new KioskPage(page);
    await page.addInitScript(installProbe);
    await page.exposeFunction('passerelleBenchTap', (epochMs: number) => void (kiosk.lastTapEpoch = epochMs));
    await page.exposeFunction('passerelleBenchPainted', (originEpochMs: number, paintEpochMs: number) =>
      kiosk.onPaint?.(originEpochMs, paintEpochMs),
    );
    const session = await page.context().newCDPSession(page);
    session.on('Runtime.bindingCalled', ({ name, payload }) => {
      if (name === 'passerelleBenchHomeDrawn') kiosk.homeDrawn.push(Number(payload));
    });
    await session.send('Runtime.enable');
    await session.send('Runtime.addBinding', { name: 'passerelleBenchHomeDrawn' });
    await page.goto(url);
    await kiosk.ready();
    return kiosk;
  }

  /** The app has rendered and focused its home heading (the renderer's own marker). */
  async ready(): Promise<void> {
    await this.page.locator('html[data-ready]').waitFor({ state: 'attached' });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** A finger's tap, as on the kiosk's touch screen (tests/e2e/finger-tap.ts). */
  async tap(locator: Locator): Promise<void> {
    this.touch ??= await this.page.context().newCDPSession(this.page);
    await fingerTap(this.touch, locator);
  }

  /**
   * Taps and returns the milliseconds from the tap to the focus arriving where `target` says: a click from its press
   * (the figures with budgets, taken this way since the first session), or a finger's tap from its lift. A finger's
   * tap (the rounds at a visitor's pace) also waits for the frame that draws the new screen (`drawn`, else NaN): a
   * click's round goes on as soon as the focus has landed, as it always has.
   */
  async timedTap(locator: Locator, target: FocusTarget, by: 'click' | 'finger' = 'click'): Promise<TapTimes> {
    await this.page.evaluate(
      ([selector, fromLift]) =>
        Object.assign(window.passerelleBench ?? {}, { target: selector, fromLift, tapAt: -1, took: -1, drawn: -1, tapped: null }),
      [focusTargets[target], by === 'finger'] as const,
    );
    if (by === 'finger') await this.tap(locator);
    else await locator.click();
    const untilDrawn = by === 'finger';
    const times = await this.page.waitForFunction(
      (drawnToo) => {
        const probe = window.passerelleBench;
        if (!probe || probe.took < 0 || (drawnToo && probe.drawn < 0)) return null;
        return [probe.took, drawnToo ? probe.drawn : -1];
      },
      untilDrawn,
      { timeout: 10_000 },
    );
    await this.page.evaluate(() => Object.assign(window.passerelleBench ?? {}, { target: '' }));
    const [focused = Number.NaN, drawn = -1] = (await times.jsonValue()) ?? [];
    return { focused, drawn: drawn >= 0 ? drawn : Number.NaN };
  }

  /** The buttons of the pages listed on a need screen. */
  get listedPages(): Locator {
    return this.page.getByRole('main').getByRole('listitem').getByRole('button');
  }

  /**
   * The first contentful paint (epoch ms) of the next document, one created from now on, as its page reports it; NaN
   * if none comes in time. A report from an older document (a paint of the page being left) is not it.
   */
  private nextPaint(): Promise<number> {
    const armedAt = Date.now();
    return new Promise((resolve) => {
      const late = setTimeout(() => {
        this.onPaint = null;
        resolve(Number.NaN);
      }, paintWaitMs);
      this.onPaint = (originEpochMs, paintEpochMs) => {
        if (originEpochMs < armedAt) return;
        clearTimeout(late);
        this.onPaint = null;
        resolve(paintEpochMs);
      };
    });
  }

  /**
   * Ends the visit with Terminer, as a visitor does. Returns the milliseconds from the confirming tap to the home
   * screen painted (and tappable: the page built at build time) and to the app taking over, and where they went: until
   * the new page starts, until its script runs, until the first render.
   *
   * Until the new page has painted, the bench only listens: the page itself reports its tap and its paint. Looking
   * for the app's marker at once had Playwright set up its own script in the new document, on the renderer's main
   * thread, in the middle of the first frame (12 to 18 ms in a trace); side by side, 40 wipes each, that put 23 to
   * 28 ms on the median paint. No kiosk has that script.
   */
  async endVisit(language: Texts = t): Promise<WipeTimes> {
    await this.button(language.nav.end).click();
    const confirm = this.page.getByRole('alertdialog').getByRole('button', { name: language.end.confirm, exact: true });
    await confirm.waitFor();
    await this.page.evaluate(() => Object.assign(window.passerelleBench ?? {}, { reportTap: true }));
    this.lastTapEpoch = Number.NaN;
    this.homeDrawn = [];
    const painted = this.nextPaint();
    const reloaded = this.page.waitForEvent('load');
    await confirm.click();
    const paintEpoch = await painted;
    await reloaded;
    await this.ready();
    if (Number.isNaN(this.lastTapEpoch)) throw new Error('the page did not report the confirming tap: the wipe cannot be timed');
    const [origin = Number.NaN, boot = Number.NaN, ready = Number.NaN] = await this.page.evaluate(() => [
      performance.timeOrigin,
      ...['passerelle:boot', 'passerelle:ready'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
    ]);
    // No paint in time counts as the slowest wipe, not as a sample left out.
    const newDocument = Number.isNaN(paintEpoch) ? Number.POSITIVE_INFINITY : paintEpoch - this.lastTapEpoch;
    const leftPage = Math.min(...this.homeDrawn.map((epoch) => epoch - this.lastTapEpoch));
    return {
      total: origin + ready - this.lastTapEpoch,
      painted: Math.min(newDocument, leftPage),
      leftPage,
      newDocument,
      toNewPage: origin - this.lastTapEpoch,
      toBoot: boot,
      bootToReady: ready - boot,
    };
  }
}
