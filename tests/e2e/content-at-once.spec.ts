// The screen a visitor taps next is already here: a need's list and its pages come from the pack before the tap, so
// the new heading takes the focus with the screen's content in place and the host is asked nothing after the tap.
import type { Page } from '@playwright/test';
import en from '../../renderer/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/i18n/fr.json' with { type: 'json' };
import { endVisitWith, expect, test } from './fixtures';

/** The content calls the page makes, in order, by method name. */
function contentCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/call\/(content\.\w+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (method) calls.push(method);
  });
  return calls;
}

/**
 * How many pages (`content.item`) the host has answered since this was called. Waiting for the network to go quiet
 * is not enough after the first time (Playwright's 'networkidle' is a state the page reached once, not an event).
 */
function itemAnswers(page: Page): () => number {
  let answered = 0;
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.endsWith('/api/call/content.item')) answered++;
  });
  return () => answered;
}

/**
 * Notes, when a level-1 heading takes the focus, how many `selector` are already on screen (drawn: not those of the
 * screens drawn ahead and still hidden).
 */
async function noteAtHeadingFocus(page: Page, selector: string): Promise<void> {
  await page.evaluate((wanted) => {
    addEventListener(
      'focusin',
      (event) => {
        if (event.target instanceof HTMLHeadingElement && event.target.tagName === 'H1')
          document.documentElement.dataset.presentAtFocus = String(
            [...document.querySelectorAll(wanted)].filter((element) => element.checkVisibility()).length,
          );
      },
      true,
    );
  }, selector);
}

/** Waits until `count()` is at least `least` and has not moved for a second: the page has stopped asking. */
async function settled(page: Page, count: () => number, least: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = count();
        await page.waitForTimeout(1000);
        return before >= least && count() === before;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

const presentAtFocus = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.presentAtFocus ?? -1));

/** The visitor reads the screen for a moment: the page has asked what it asks ahead, and the network is quiet. */
const readForAMoment = (page: Page) => page.waitForLoadState('networkidle');

async function openHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await readForAMoment(page);
}

const need = fr.needs['compte-ameli'].label;
const listed = (page: Page) => page.getByRole('main').getByRole('listitem').getByRole('button');

/** The page a listed button opened: its title (shown in the button with its kind and summary) is the focused heading. */
async function expectOpened(page: Page, buttonText: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeFocused();
  const title = (await heading.textContent()) ?? '';
  expect(title).not.toBe('');
  expect(buttonText).toContain(title);
}

test('a need opens with its list already there when its heading takes the focus, and asks the host nothing', async ({ page, host }) => {
  const calls = contentCalls(page);
  await openHome(page, host.url);
  await noteAtHeadingFocus(page, 'main li');
  calls.length = 0;
  await page.getByRole('button', { name: need, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: need })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: fr.needPage.pages })).toBeVisible();
  const count = await listed(page).count();
  expect(count).toBeGreaterThan(1);
  expect(await presentAtFocus(page)).toBe(count);
  // The lists and every page they list were fetched while the home screen was shown: nothing is asked after the tap,
  // also once the need screen's own prefetch has had its time (an idle callback, half a second at most).
  await page.waitForTimeout(1500);
  expect(calls).toEqual([]);
});

test('a page tapped the moment its need screen shows opens with its text there, asking the host nothing after the tap', async ({
  page,
  host,
}) => {
  const calls = contentCalls(page);
  await openHome(page, host.url);
  await noteAtHeadingFocus(page, 'main article footer');
  calls.length = 0;
  // A visitor who knows the way: the need, then at once one of its pages, before the need screen was ever idle.
  await page.getByRole('button', { name: need, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: need })).toBeFocused();
  const last = listed(page).last();
  const text = (await last.textContent()) ?? '';
  await last.click();
  await expectOpened(page, text);
  expect(await presentAtFocus(page)).toBe(1);
  expect(calls).toEqual([]);
});

test('visit after visit, the need screens are drawn ahead with their lists, so a tap only shows one', async ({ page, host }) => {
  await openHome(page, host.url);
  // Each visit's page races its needs' lists against its screens' code: six visits, each ended as a visitor ends it.
  for (let visit = 0; visit < 6; visit++) {
    await page.getByRole('button', { name: fr.nav.end, exact: true }).click();
    await endVisitWith(page, page.getByRole('alertdialog').getByRole('button', { name: fr.end.confirm, exact: true }));
    // The home screen and the six need screens, five of them hidden (not the topic drawn ahead: its heading is in its
    // article); each need screen with its list ("Les pages").
    await expect(page.locator('main h1:not(article h1)'), `visit ${visit + 2}`).toHaveCount(1 + 6);
    await expect(page.locator('main h2', { hasText: fr.needPage.pages }), `visit ${visit + 2}`).toHaveCount(6);
  }
  await noteAtHeadingFocus(page, 'main li');
  await page.getByRole('button', { name: need, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: need })).toBeFocused();
  expect(await presentAtFocus(page)).toBe(await listed(page).count());
});

test('a listed page opens with its text already there when its heading takes the focus, and asks the host nothing', async ({
  page,
  host,
}) => {
  const calls = contentCalls(page);
  const answers = itemAnswers(page);
  await openHome(page, host.url);
  await page.getByRole('button', { name: need, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: fr.needPage.pages })).toBeVisible();
  // The visitor reads the list while its pages come.
  const count = await listed(page).count();
  await settled(page, answers, count);
  await noteAtHeadingFocus(page, 'main article footer');
  calls.length = 0;
  const page0 = listed(page).last();
  const text = (await page0.textContent()) ?? '';
  await page0.click();
  await expectOpened(page, text);
  expect(await presentAtFocus(page)).toBe(1);
  expect(calls).toEqual([]);
});

test('a page whose early fetch failed is asked for again when tapped, and opens', async ({ page, host }) => {
  let failing = true;
  let refused = 0;
  await page.route('**/api/call/content.item', async (route) => {
    if (!failing) return route.continue();
    refused++;
    return route.abort('connectionrefused');
  });
  await openHome(page, host.url);
  await page.getByRole('button', { name: need, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: fr.needPage.pages })).toBeVisible();
  // Every page fetched ahead was refused (the host was unreachable for a moment); it is back now. The fetches start
  // once the page is idle, which a loaded machine delays: waited for, not assumed done at the network's first lull.
  // The visit asked for every need's pages ahead, and the need screen asked again for its own: all refused, until no
  // more come for a second.
  await settled(page, () => refused, await listed(page).count());
  failing = false;
  const first = listed(page).first();
  const text = (await first.textContent()) ?? '';
  await first.click();
  await expectOpened(page, text);
  await expect(page.getByText(fr.content.unavailable)).toHaveCount(0);
});

test('another language on an open page shows the page in it, and the focus stays on the language chosen', async ({ page, host }) => {
  await openHome(page, host.url);
  await page.getByRole('button', { name: need, exact: true }).click();
  await readForAMoment(page);
  await listed(page).first().click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeFocused();
  const french = (await heading.textContent()) ?? '';
  await noteAtHeadingFocus(page, 'main');
  const english = page.getByRole('radio', { name: 'English' });
  await english.click();
  await expect(page.getByRole('button', { name: en.nav.end, exact: true })).toBeVisible();
  await expect(heading).not.toHaveText(french);
  // The page was never replaced by a loading line: its heading did not take the focus again.
  await expect(english).toBeFocused();
  expect(await presentAtFocus(page)).toBe(-1);
});

test('a private page on the help screen opens with its text already there, and asks the host nothing', async ({ page, host }) => {
  const calls = contentCalls(page);
  const answers = itemAnswers(page);
  await openHome(page, host.url);
  await page.getByRole('button', { name: fr.nav.help, exact: true }).click();
  const privatePages = page.getByRole('region', { name: fr.help.privateTitle }).getByRole('button');
  await expect(privatePages.first()).toBeVisible();
  const count = await privatePages.count();
  await settled(page, answers, count);
  await noteAtHeadingFocus(page, 'main article footer');
  calls.length = 0;
  const opened = privatePages.last();
  const text = (await opened.textContent()) ?? '';
  await opened.click();
  await expectOpened(page, text);
  expect(await presentAtFocus(page)).toBe(1);
  expect(calls).toEqual([]);
});

test('a search result asks for its page when the finger touches it, before it lifts', async ({ page, host }) => {
  // The pages the visit asks for ahead (every need's) are refused, as when the host was busy: none is here yet.
  let refusing = true;
  let refused = 0;
  await page.route('**/api/call/content.item', async (route) => {
    if (!refusing) return route.continue();
    refused++;
    return route.abort('connectionrefused');
  });
  await openHome(page, host.url);
  await settled(page, () => refused, 0);
  refusing = false;
  await page.getByRole('button', { name: fr.nav.search, exact: true }).click();
  await page.getByRole('searchbox', { name: fr.search.label }).pressSequentially('mutuel');
  const result = page.getByRole('list', { name: fr.search.results }).getByRole('button').first();
  await expect(result).toBeVisible();
  await readForAMoment(page);
  const text = (await result.textContent()) ?? '';
  const box = await result.boundingBox();
  if (!box) throw new Error('the first result has no box on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const asked = page.waitForRequest((request) => request.url().endsWith('/api/call/content.item'), { timeout: 5000 });
  await page.mouse.down();
  await asked;
  await page.mouse.up();
  await expectOpened(page, text);
});

test('a topic page is drawn once ahead, hidden, while the home screen waits: never shown, the focus never moved', async ({
  page,
  host,
}) => {
  // Every article that comes into the home screen's <main>: whether it was drawn (shown) when it came, and now.
  await page.addInitScript(() => {
    const seen: { drawn: boolean; node: Element }[] = [];
    Object.assign(window, { rehearsals: seen });
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes)
          if (node instanceof HTMLElement && node.tagName === 'ARTICLE' && node.parentElement?.tagName === 'MAIN')
            seen.push({ drawn: node.checkVisibility(), node });
    }).observe(document, { childList: true, subtree: true });
  });
  await openHome(page, host.url);
  const home = page.getByRole('heading', { level: 1, name: fr.home.title });
  await expect(home).toBeFocused();
  const rehearsals = () =>
    page.evaluate(() =>
      (window as unknown as { rehearsals: { drawn: boolean; node: Element }[] }).rehearsals.map((r) => ({
        drawn: r.drawn,
        drawnNow: r.node.checkVisibility(),
      })),
    );
  // Drawn once, never shown; the visitor's focus never moved, and no screen reader meets it.
  await expect.poll(rehearsals, { timeout: 10_000 }).toEqual([{ drawn: false, drawnNow: false }]);
  await expect(home).toBeFocused();
  await expect(page.getByRole('article')).toHaveCount(0);
});
