// The accessibility sweep: every screen and dialog of the visitor app, in every language and comfort theme, with
// no axe violation (WCAG 2.2 A/AA), touch targets of 44 × 44 CSS px or more, and no sideways scrolling, even at
// 320 CSS px wide with 200 % text (1.4.10 Reflow). Writes test-results/a11y-report.json and a11y-report.md.
import type { Browser, TestInfo } from '@playwright/test';
import { axeViolationsInPlace } from './axe';
import { saveRun, writeReport, type StateResult } from './a11y-report';
import { expect, setupCodeOf, test, type RunningHost } from './fixtures';
import { describeOverflow, measureLayout, smallestTarget, smallTargets } from './layout-checks';
import { unspokenTexts } from './spoken-coverage';
import { offeredLanguages, sweepMediator, themes, VisitorApp, type LanguageInfo, type Theme } from './visitor-app';
import { visitorStates } from './visitor-states';

interface Viewport {
  readonly width: number;
  readonly height: number;
}

interface Configuration {
  readonly theme: Theme;
  readonly viewport: Viewport;
}

const kiosk: Viewport = { width: 1280, height: 900 };
/** 1.4.10: 320 CSS px is a 1280 px window at 400 % zoom; with 200 % text on top, nothing may need sideways scrolling. */
const narrow: Viewport = { width: 320, height: 640 };

const configurations: readonly Configuration[] = [
  ...themes.map((theme) => ({ theme, viewport: kiosk })),
  { theme: '200 % text', viewport: narrow },
];

const nameOf = ({ theme, viewport }: Configuration) => `${theme}, ${viewport.width} px wide`;

/**
 * Walks every state on one page (one visit) in one language and configuration, and checks each: a fresh page per
 * state would take minutes. Soft assertions: one failing state must not hide the others from the test or the report.
 */
async function sweep(
  browser: Browser,
  url: string,
  language: LanguageInfo,
  configuration: Configuration,
  testInfo: TestInfo,
): Promise<void> {
  const started = Date.now();
  const context = await browser.newContext({ viewport: configuration.viewport });
  const page = await context.newPage();
  const where = `${language.code}, ${nameOf(configuration)}`;
  const results: StateResult[] = [];
  try {
    const app = new VisitorApp(page, language);
    await app.start(url, configuration.theme);
    for (const state of visitorStates) {
      if (!state.continues) await app.backHome();
      await state.reach(app);
      const { targets, overflow } = await measureLayout(page);
      const result: StateResult = {
        state: state.name,
        violations: (await axeViolationsInPlace(page)).map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`),
        smallTargets: smallTargets(targets),
        overflow: describeOverflow(overflow),
        targetCount: targets.length,
        smallestTarget: smallestTarget(targets),
      };
      results.push(result);
      expect.soft(result.violations, `axe violations on "${state.name}" (${where})`).toEqual([]);
      expect.soft(result.smallTargets, `targets under 44 × 44 px on "${state.name}" (${where})`).toEqual([]);
      expect.soft(result.overflow, `content wider than the viewport on "${state.name}" (${where})`).toEqual([]);
      // Audio mode says everything a sighted visitor can read or press there (EN 301 549 5.1.3.1); the script does
      // not depend on the theme, so it is checked once per language, in the default one.
      if (configuration.theme === 'default')
        expect.soft(await unspokenTexts(page), `on screen but not in the spoken script of "${state.name}" (${where})`).toEqual([]);
      // A state without a single target would mean the walk looked at a blank screen.
      expect.soft(result.targetCount, `interactive elements on "${state.name}" (${where})`).toBeGreaterThan(0);
    }
  } finally {
    const viewport = `${configuration.viewport.width}×${configuration.viewport.height}`;
    saveRun(testInfo, {
      locale: language.code,
      theme: configuration.theme,
      viewport,
      startedAt: started,
      durationMs: Date.now() - started,
      states: results,
    });
    await context.close();
  }
  expect(
    results.map((r) => r.state),
    `states walked (${where})`,
  ).toEqual(visitorStates.map((s) => s.name));
}

/** The sweep's host gets an admin passphrase and one mediator (through the API, as the admin area would). */
async function ensureSweepMediator(host: RunningHost): Promise<void> {
  const { url } = host;
  const call = async (name: string, input: object) => {
    const response = await fetch(new URL(`/api/call/${name}`, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(url).origin },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: { token?: string; configured?: boolean }; error?: string };
  };
  const passphrase = 'la borne du balayage';
  const status = await call('admin.status', {});
  const session = status.value?.configured
    ? await call('admin.login', { passphrase })
    : await call('admin.setup', { passphrase, code: setupCodeOf(host) });
  const token = session.value?.token;
  if (!token) throw new Error(`no admin session on the sweep's host: ${JSON.stringify(session)}`);
  const created = await call('admin.mediatorCreate', { token, displayName: sweepMediator.name, role: 'volunteer', pin: sweepMediator.pin });
  if (!created.ok && created.error !== 'mediator.nameTaken') throw new Error(`mediator not created: ${JSON.stringify(created)}`);
}

for (const language of offeredLanguages) {
  test(`in ${language.code}, every screen and dialog in every theme and at 320 px passes axe, has 44 px targets and no sideways scroll`, async ({
    browser,
    host,
  }, testInfo) => {
    // The four walks run side by side, each in its own browser context: a walk mostly waits for the page, so
    // together they take about half the time they would one after the other. Each state is also checked against its
    // spoken script (audio mode), about a minute more a language; the limit leaves room for a busy machine.
    test.setTimeout(360_000);
    await ensureSweepMediator(host);
    const walks = await Promise.allSettled(
      configurations.map((configuration) => sweep(browser, host.url, language, configuration, testInfo)),
    );
    // Rewritten after each language, so that the report holds every walk even if a later test is cut short.
    console.log(`accessibility report: ${writeReport(testInfo).join(', ')}`);
    const failures = walks.flatMap((walk) => (walk.status === 'rejected' ? [walk.reason as unknown] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new Error(failures.map(String).join('\n\n'));
  });
}
