// The bench's hands on the visitor app: taps by role and name (texts from the app's own locale files) and
// in-page timers that start at the tap itself, so Playwright's own round trips are never counted.
import type { Locator, Page } from '@playwright/test';
import ar from '../../renderer/i18n/ar.json' with { type: 'json' };
import en from '../../renderer/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/i18n/fr.json' with { type: 'json' };

export const t = fr;
export type Texts = typeof fr;
/** The app's texts in each language, for a visit that changes language. */
export const texts: Readonly<Record<'fr' | 'en' | 'ar', Texts>> = { fr, en, ar };

/** What the page records for the bench: installed in every document before the app's own scripts. */
interface BenchProbe {
  /** A selector: the next tap is timed until the focus lands on (or inside) an element it matches. */
  target: string;
  tapAt: number;
  tapped: Element | null;
  took: number;
  /** Epoch time of the last tap, reported to the bench (it survives the reload that ends a visit). */
  reportTap: boolean;
  inputs: [number, number][];
  shown: [number, number][];
}

declare global {
  interface Window {
    passerelleBench?: BenchProbe;
    passerelleBenchTap?: (epochMs: number) => void;
  }
}

function installProbe(): void {
  const probe: BenchProbe = { target: '', tapAt: -1, tapped: null, took: -1, reportTap: false, inputs: [], shown: [] };
  window.passerelleBench = probe;
  addEventListener(
    'pointerdown',
    (event) => {
      if (probe.reportTap) window.passerelleBenchTap?.(performance.timeOrigin + event.timeStamp);
      if (!probe.target) return;
      probe.tapAt = event.timeStamp;
      probe.tapped = event.target instanceof Element ? event.target.closest('button, [role="button"], [role="radio"]') : null;
    },
    true,
  );
  addEventListener(
    'focusin',
    (event) => {
      const element = event.target;
      if (!probe.target || probe.tapAt < 0 || probe.took >= 0 || !(element instanceof Element) || element === probe.tapped) return;
      if (element.closest(probe.target)) probe.took = performance.now() - probe.tapAt;
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
}

export interface WipeTimes {
  readonly total: number;
  /** To the new document's first paint: the home page built at build time, tappable before any script runs. */
  readonly painted: number;
  /** The renderer's end of visit (clipboard, kiosk.endVisit) and the unload, until the new document starts. */
  readonly toNewPage: number;
  /** The new document: HTML, scripts and style sheets (the wipe emptied the cache), until the renderer's first line. */
  readonly toBoot: number;
  /** The renderer: settings, languages, first render. */
  readonly bootToReady: number;
}

/** Where the focus goes after a tap: the new screen's heading, the journey's next question or step, a dialog. */
export const focusTargets = { screen: 'h1', journey: '.journey-focus', dialog: '[role="dialog"], [role="alertdialog"]' } as const;
export type FocusTarget = keyof typeof focusTargets;

export class KioskPage {
  private lastTapEpoch = Number.NaN;

  private constructor(readonly page: Page) {}

  static async open(page: Page, url: string): Promise<KioskPage> {
    const kiosk = new KioskPage(page);
    await page.addInitScript(installProbe);
    await page.exposeFunction('passerelleBenchTap', (epochMs: number) => void (kiosk.lastTapEpoch = epochMs));
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

  /** Taps and returns the milliseconds from the tap to the focus arriving where `target` says. */
  async timedTap(locator: Locator, target: FocusTarget): Promise<number> {
    await this.page.evaluate(
      (selector) => Object.assign(window.passerelleBench ?? {}, { target: selector, tapAt: -1, took: -1, tapped: null }),
      focusTargets[target],
    );
    await locator.click();
    const took = await this.page.waitForFunction(
      () => ((window.passerelleBench?.took ?? -1) >= 0 ? window.passerelleBench?.took : null),
      undefined,
      { timeout: 10_000 },
    );
    await this.page.evaluate(() => Object.assign(window.passerelleBench ?? {}, { target: '' }));
    return (await took.jsonValue()) ?? Number.NaN;
  }

  /** The buttons of the pages listed on a need screen. */
  get listedPages(): Locator {
    return this.page.getByRole('main').getByRole('listitem').getByRole('button');
  }

  /**
   * Ends the visit with Terminer, as a visitor does. Returns the milliseconds from the confirming tap to the home
   * screen ready again, and where they went: until the new page starts, until its script runs, until the first render.
   */
  async endVisit(language: Texts = t): Promise<WipeTimes> {
    await this.button(language.nav.end).click();
    const confirm = this.page.getByRole('alertdialog').getByRole('button', { name: language.end.confirm, exact: true });
    await confirm.waitFor();
    await this.page.evaluate(() => Object.assign(window.passerelleBench ?? {}, { reportTap: true }));
    this.lastTapEpoch = Number.NaN;
    const reloaded = this.page.waitForEvent('load');
    await confirm.click();
    await reloaded;
    await this.ready();
    // The paint's entry is given once the frame is on screen, which can come after the app's marker on a busy
    // machine (one wipe in 59 had none yet when read at once): waited for, two seconds at most.
    const [origin = Number.NaN, boot = Number.NaN, ready = Number.NaN, paint = Number.NaN] = await this.page.evaluate(async () => {
      const painted = await new Promise<number>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        });
        observer.observe({ type: 'paint', buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(Number.NaN);
        }, 2000);
      });
      return [
        performance.timeOrigin,
        ...['passerelle:boot', 'passerelle:ready'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
        painted,
      ];
    });
    return {
      total: origin + ready - this.lastTapEpoch,
      // No paint in two seconds counts as the slowest wipe, not as a sample left out.
      painted: Number.isNaN(paint) ? Number.POSITIVE_INFINITY : origin + paint - this.lastTapEpoch,
      toNewPage: origin - this.lastTapEpoch,
      toBoot: boot,
      bootToReady: ready - boot,
    };
  }
}
