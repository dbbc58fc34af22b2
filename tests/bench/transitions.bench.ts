// Screen transitions: from a tap to the next screen's heading (or the journey's next question, or a dialog) having
// the focus, over rounds that visit every need, its topics and journeys, and the dialogs of the top bar.
import { needIds } from '../../renderer/kit/screens';
import { templatePattern } from '../e2e/visitor-app';
import { KioskPage, t } from './kiosk-page';
import { percentile, type Measure } from './measure';

/** Closes the open dialog with its own button, untimed. */
async function closeDialog(kiosk: KioskPage, name: string): Promise<void> {
  const dialog = kiosk.page.getByRole('dialog').or(kiosk.page.getByRole('alertdialog'));
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** One round: a need, one of its pages (a journey walked a few steps, or a topic and a glossary word), the dialogs, other screens. */
async function round(kiosk: KioskPage, index: number, times: number[]): Promise<void> {
  const need = needIds[index % needIds.length] ?? 'mon-espace-sante';
  times.push(
    await kiosk.timedTap(
      kiosk.page.getByRole('list', { name: t.home.needsLabel }).getByRole('button', { name: t.needs[need].label, exact: true }),
      'screen',
    ),
  );
  await kiosk.page.getByRole('heading', { level: 2, name: t.needPage.pages }).waitFor();
  const pages = kiosk.listedPages;
  const count = await pages.count();
  times.push(await kiosk.timedTap(pages.nth(Math.floor(index / needIds.length) % count), 'screen'));

  const yes = kiosk.button(t.journey.yes);
  const start = kiosk.button(t.journey.start);
  const next = kiosk.button(t.journey.next);
  const word = kiosk.button(templatePattern(t.glossary.explain)).first();
  if ((await yes.isVisible()) || (await start.isVisible()) || (await next.isVisible())) {
    while (await yes.isVisible()) times.push(await kiosk.timedTap(yes, 'journey'));
    if (await start.isVisible()) times.push(await kiosk.timedTap(start, 'journey'));
    for (let step = 0; step < 3 && (await next.isVisible()); step++) times.push(await kiosk.timedTap(next, 'journey'));
  } else if (await word.isVisible()) {
    times.push(await kiosk.timedTap(word, 'dialog'));
    await closeDialog(kiosk, t.glossary.close);
  }
  times.push(await kiosk.timedTap(kiosk.button(t.comfort.open), 'dialog'));
  await closeDialog(kiosk, t.glossary.close);
  times.push(await kiosk.timedTap(kiosk.button(t.nav.end), 'dialog'));
  await closeDialog(kiosk, t.end.cancel);
  const elsewhere = [t.nav.search, t.nav.help, t.nav.emergency][index % 3] ?? t.nav.search;
  times.push(await kiosk.timedTap(kiosk.button(elsewhere), 'screen'));
  times.push(await kiosk.timedTap(kiosk.button(t.nav.home), 'screen'));
}

export async function benchTransitions(kiosk: KioskPage, navigations: number): Promise<Measure[]> {
  const times: number[] = [];
  for (let index = 0; times.length < navigations; index++) await round(kiosk, index, times);
  return [
    { section: 'Transitions', name: 'tap to heading focused p50', value: percentile(times, 50), unit: 'ms', samples: times.length },
    {
      section: 'Transitions',
      name: 'tap to heading focused p95',
      value: percentile(times, 95),
      unit: 'ms',
      budget: 50,
      samples: times.length,
    },
    {
      section: 'Transitions',
      name: 'taps within one frame (16.7 ms)',
      value: Math.round((times.filter((ms) => ms <= 1000 / 60).length / times.length) * 100),
      unit: '%',
      floor: 95,
      samples: times.length,
    },
  ];
}
