// Screen transitions: from a tap to the next screen's heading (or the journey's next question, or a dialog) having
// the focus, over rounds that visit every need, its topics and journeys, and the dialogs of the top bar.
import { needIds } from '../../renderer/kit/screens';
import { templatePattern } from '../e2e/visitor-app';
import type { Locator } from '@playwright/test';
import { KioskPage, t, type FocusTarget } from './kiosk-page';
import { percentile, tapFigures, type Measure } from './measure';

/** What was tapped: the breakdown of the figures, so a slow kind of tap shows where the time goes. */
export type TapKind =
  | 'home → need'
  | 'need → topic'
  | 'need → journey'
  | 'journey answer'
  | 'journey start'
  | 'journey next step'
  | 'glossary word'
  | 'Confort'
  | 'Terminer'
  | 'Rechercher'
  | 'Aide'
  | 'Urgences'
  | 'back to home';

export interface Tap {
  readonly kind: TapKind;
  readonly ms: number;
  /** To the frame that draws the new screen; NaN where the round did not wait for it (the budget's clicks). */
  readonly drawnMs: number;
}

/** Closes the open dialog with its own button, untimed. */
async function closeDialog(kiosk: KioskPage, name: string): Promise<void> {
  const dialog = kiosk.page.getByRole('dialog').or(kiosk.page.getByRole('alertdialog'));
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * A visitor's pace: the time a person takes before a tap, to read what the last one showed, and a finger's tap. The
 * budget's rounds click as soon as the last tap's screen has its focus, which no visitor does.
 */
const visitorPaceMs = 1000;

/**
 * One round: a need, one of its pages (a journey walked a few steps, or a topic and a glossary word), the dialogs,
 * other screens; each timed tap after `paceMs` of stillness.
 */
async function round(kiosk: KioskPage, index: number, taps: Tap[], paceMs = 0): Promise<void> {
  const need = needIds[index % needIds.length] ?? 'mon-espace-sante';
  const tap = async (kind: TapKind, locator: Locator, target: FocusTarget) => {
    if (paceMs > 0) await kiosk.page.waitForTimeout(paceMs);
    const { focused, drawn } = await kiosk.timedTap(locator, target, paceMs > 0 ? 'finger' : 'click');
    taps.push({ kind, ms: focused, drawnMs: drawn });
  };
  await tap(
    'home → need',
    kiosk.page.getByRole('list', { name: t.home.needsLabel }).getByRole('button', { name: t.needs[need].label, exact: true }),
    'screen',
  );
  await kiosk.page.getByRole('heading', { level: 2, name: t.needPage.pages }).waitFor();
  const pages = kiosk.listedPages;
  const count = await pages.count();
  const page = pages.nth(Math.floor(index / needIds.length) % count);
  const isJourney = (await page.textContent())?.includes(t.item.journey) ?? false;
  await tap(isJourney ? 'need → journey' : 'need → topic', page, 'screen');

  const yes = kiosk.button(t.journey.yes);
  const start = kiosk.button(t.journey.start);
  const next = kiosk.button(t.journey.next);
  const word = kiosk.button(templatePattern(t.glossary.explain)).first();
  if ((await yes.isVisible()) || (await start.isVisible()) || (await next.isVisible())) {
    while (await yes.isVisible()) await tap('journey answer', yes, 'journey');
    if (await start.isVisible()) await tap('journey start', start, 'journey');
    for (let step = 0; step < 3 && (await next.isVisible()); step++) await tap('journey next step', next, 'journey');
  } else if (await word.isVisible()) {
    await tap('glossary word', word, 'dialog');
    await closeDialog(kiosk, t.glossary.close);
  }
  await tap('Confort', kiosk.button(t.comfort.open), 'dialog');
  await closeDialog(kiosk, t.glossary.close);
  await tap('Terminer', kiosk.button(t.nav.end), 'dialog');
  await closeDialog(kiosk, t.end.cancel);
  const elsewhere = (['Rechercher', 'Aide', 'Urgences'] as const)[index % 3] ?? 'Rechercher';
  const label = { Rechercher: t.nav.search, Aide: t.nav.help, Urgences: t.nav.emergency }[elsewhere];
  await tap(elsewhere, kiosk.button(label), 'screen');
  await tap('back to home', kiosk.button(t.nav.home), 'screen');
}

/** One figure of this section, its budget or floor in `limit` where it has one. */
const transitionFigure = (name: string, value: number, unit: string, samples: number, limit: Partial<Measure> = {}): Measure => ({
  section: 'Transitions',
  name,
  value,
  unit,
  ...limit,
  samples,
});

/** Per kind of tap: p50, p95 and the share within one frame, as figures without budgets. */
function breakdown(taps: readonly Tap[]): Measure[] {
  const kinds = [...new Set(taps.map((tap) => tap.kind))];
  return kinds.flatMap((kind) =>
    tapFigures(
      'Transitions',
      taps.filter((tap) => tap.kind === kind).map((tap) => tap.ms),
      (which) => `${kind}: ${which === 'frame' ? 'within one frame' : which}`,
    ),
  );
}

/** The same rounds at a visitor's pace, by finger, fewer of them (a second each): informative beside the budget's. */
async function atVisitorPace(kiosk: KioskPage, count: number): Promise<Measure[]> {
  const taps: Tap[] = [];
  for (let index = 0; taps.length < count; index++) await round(kiosk, index, taps, visitorPaceMs);
  const pace = `by finger at a visitor's pace (${visitorPaceMs / 1000} s before each tap)`;
  const drawn = taps.map((tap) => tap.drawnMs);
  const drawnFigure = (p: 50 | 95): Measure =>
    transitionFigure(`tap to the new screen drawn p${p}, ${pace}`, percentile(drawn, p), 'ms', drawn.length);
  return [
    ...tapFigures(
      'Transitions',
      taps.map((tap) => tap.ms),
      (which) => (which === 'frame' ? `taps within one frame, ${pace}` : `tap to heading focused ${which}, ${pace}`),
    ),
    drawnFigure(50),
    drawnFigure(95),
  ];
}

export async function benchTransitions(kiosk: KioskPage, navigations: number): Promise<Measure[]> {
  const taps: Tap[] = [];
  for (let index = 0; taps.length < navigations; index++) await round(kiosk, index, taps);
  const paced = await atVisitorPace(kiosk, Math.max(12, Math.round(navigations / 5)));
  return [
    ...tapFigures(
      'Transitions',
      taps.map((tap) => tap.ms),
      (which) => (which === 'frame' ? 'taps within one frame (16.7 ms)' : `tap to heading focused ${which}`),
      { p95: 50, frame: 95 },
    ),
    ...paced,
    ...breakdown(taps),
  ];
}
