// Typing a 12-letter query one key at a time, at a brisk visitor's pace; the results update once typing pauses
// (the search waits searchDebounceMs), so the budget is on the last key, the debounce included.
import { searchDebounceMs } from '../../renderer/screens/search/search-debounce';
import { keystrokeLags } from './keystroke-lag';
import { KioskPage, t } from './kiosk-page';
import { percentile, type Measure } from './measure';

/** Twelve characters each, words visitors look for. */
const queries = ['consultation', 'carte vitale', 'remboursemen', 'complementai'] as const;
const keyDelayMs = 150;

export async function benchTyping(kiosk: KioskPage, repetitions: number): Promise<Measure[]> {
  const { page } = kiosk;
  await kiosk.button(t.nav.search).click();
  const field = page.getByRole('searchbox', { name: t.search.label });
  const lags: number[] = [];
  const lastKey: number[] = [];
  for (let rep = 0; rep < repetitions; rep++) {
    const query = queries[rep % queries.length] ?? 'consultation';
    await field.fill('');
    await page.waitForFunction(() => window.passerelleBench?.shown.at(-1)?.[1] === 0);
    await page.evaluate(() => Object.assign(window.passerelleBench ?? {}, { inputs: [], shown: [] }));
    await page.keyboard.type(query, { delay: keyDelayMs });
    await page.waitForFunction((length) => window.passerelleBench?.shown.some(([, shown]) => shown === length), query.length, {
      timeout: 10_000,
    });
    const probe = await page.evaluate(() => ({ inputs: window.passerelleBench?.inputs ?? [], shown: window.passerelleBench?.shown ?? [] }));
    const repLags = keystrokeLags(probe.inputs, probe.shown);
    lags.push(...repLags);
    lastKey.push(repLags.at(-1) ?? Number.NaN);
  }
  await kiosk.button(t.nav.home).click();
  return [
    { section: 'Search', name: 'typing: keystroke to results shown p50', value: percentile(lags, 50), unit: 'ms', samples: lags.length },
    {
      section: 'Search',
      name: 'typing: keystroke to results shown p95',
      value: percentile(lags, 95),
      unit: 'ms',
      samples: lags.length,
    },
    {
      section: 'Search',
      name: 'typing: last key to final results p95',
      value: percentile(lastKey, 95),
      unit: 'ms',
      budget: searchDebounceMs + 100,
      samples: lastKey.length,
    },
  ];
}
