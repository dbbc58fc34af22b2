// Every page, journey step, slip and search snippet as shown, in French, English and Arabic: no raw markup on screen
// or in accessible names, and in Arabic every phone number's digit groups stay in reading order on screen.
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Locale } from '../../common/api/types';
import { expect, test } from './fixtures';
import { offeredLanguages, VisitorApp } from './visitor-app';

/** The words a visitor may search an item by: its title first, then its synonyms and tags. */
interface Searchable {
  readonly title: string;
  readonly synonyms?: readonly string[];
  readonly tags?: readonly string[];
}

interface JourneyFile extends Searchable {
  readonly readiness: readonly {
    readonly if_no: { readonly bring?: string; readonly blocks?: boolean; readonly insert?: readonly string[]; readonly path?: string };
  }[];
  readonly steps: readonly { readonly id: string; readonly title: string }[];
}

const contentDir = join(import.meta.dirname, '..', '..', 'content');
const filesOf = (locale: Locale, folder: string) => readdirSync(join(contentDir, locale, folder)).sort();
const topics = (locale: Locale): Searchable[] =>
  filesOf(locale, 'fiches').map((file) => {
    const front = readFileSync(join(contentDir, locale, 'fiches', file), 'utf8').split(/^---$/m)[1] ?? '';
    return parse(front) as Searchable;
  });
const journeys = (locale: Locale): JourneyFile[] =>
  filesOf(locale, 'parcours').map((file) => parse(readFileSync(join(contentDir, locale, 'parcours', file), 'utf8')) as JourneyFile);

/** What the visitor sees or hears of raw markup: visible text, and accessible names given by attributes. */
async function rawMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = [
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''),
    ];
    return shown.flatMap((text) => text.split('\n')).filter((line) => /\[\[|\]\]|\*\*/.test(line));
  });
}

/**
 * Numbers of several digit groups ("09 74 75 13 13") whose groups are not shown left to right, measured on screen:
 * the box of each group must start to the right of the previous one on the same line.
 */
async function reversedNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const reversed: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const number of text.matchAll(/\d+(?:[ \u00A0]\d+)+/g)) {
        const boxes = [...number[0].matchAll(/\d+/g)].map((group) => {
          const range = document.createRange();
          range.setStart(node, number.index + group.index);
          range.setEnd(node, number.index + group.index + group[0].length);
          return range.getBoundingClientRect();
        });
        if (boxes.some((box) => box.width === 0)) continue;
        const wrong = boxes.some((box, i) => {
          const next = boxes[i + 1];
          return next !== undefined && Math.abs(box.top - next.top) < box.height / 2 && next.left < box.left;
        });
        if (wrong) reversed.push(number[0]);
      }
    }
    return reversed;
  });
}

interface Findings {
  readonly markup: string[];
  readonly reversed: string[];
}

/** Checks the screen as it is, with every "Si ça ne marche pas" opened so its text is shown too. */
async function check(page: Page, where: string, locale: Locale, findings: Findings) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  findings.markup.push(...(await rawMarkup(page)).map((line) => `${locale} ${where}: ${line}`));
  if (locale === 'ar') findings.reversed.push(...(await reversedNumbers(page)).map((n) => `${where}: "${n}"`));
}

/** Opens an item from the search screen, by its title or else by one of its other words (noted on the test). */
async function openBySearch(app: VisitorApp, item: Searchable, findings: Findings) {
  const { page } = app;
  const results = page.getByRole('list', { name: app.t.search.results });
  // The title is a whole line of the result (a Latin name inside another title is a part of it, isolated on its own).
  const wholeTitle = new RegExp(`^${item.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const hit = results.getByRole('button').filter({ has: page.locator('span', { hasText: wholeTitle }) });
  await app.backHome();
  await app.openSearch();
  for (const query of [item.title, ...(item.synonyms ?? []), ...(item.tags ?? [])]) {
    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith('content.search') && response.request().postData()?.includes(JSON.stringify(query).slice(1, -1)) === true,
    );
    await page.getByRole('searchbox', { name: app.t.search.label }).fill(query);
    await answered;
    const shown =
      (await hit.first().isVisible()) ||
      (await hit
        .first()
        .waitFor({ timeout: 1000 })
        .then(
          () => true,
          () => false,
        ));
    if (!shown) continue;
    await check(page, `search "${query}"`, app.language.code, findings);
    if (query !== item.title)
      test.info().annotations.push({ type: 'search', description: `"${item.title}" is found by "${query}", not by its title` });
    await hit.first().click();
    await expect(app.heading(item.title)).toBeVisible();
    return;
  }
  throw new Error(`search finds "${item.title}" by none of its words`);
}

/** Answers the readiness questions (yes, except the ones listed), then walks the steps to the end; returns the steps seen. */
async function walkJourney(app: VisitorApp, journey: JourneyFile, noTo: readonly number[], findings: Findings): Promise<string[]> {
  const { page, t } = app;
  const seen: string[] = [];
  await openBySearch(app, journey, findings);
  for (let q = 0; q < journey.readiness.length; q++) {
    await check(page, `${journey.title}, question ${q + 1}`, app.language.code, findings);
    await app.button(noTo.includes(q) ? t.journey.no : t.journey.yes).click();
  }
  if (await app.heading(t.journey.bring, 2).isVisible()) {
    await check(page, `${journey.title}, what to bring`, app.language.code, findings);
    return seen;
  }
  // Missing things the journey can go on without: the list, then "continue anyway".
  if (await app.heading(t.journey.bringLater, 2).isVisible()) {
    await check(page, `${journey.title}, what to bring later`, app.language.code, findings);
    await app.button(t.journey.continueAnyway).click();
  } else await app.button(t.journey.start).click();
  const done = app.heading(t.journey.done, 2);
  for (let i = 0; i < journey.steps.length + 1 && !(await done.isVisible()); i++) {
    const title = await page.locator('#step-heading').innerText();
    seen.push(title);
    await check(page, `${journey.title}, step "${title}"`, app.language.code, findings);
    await app.button(t.journey.next).click();
  }
  await expect(done).toBeVisible();
  await check(page, `${journey.title}, offline card`, app.language.code, findings);
  return seen;
}

for (const language of offeredLanguages) {
  test(`in ${language.autonym}, no page, step, slip or snippet shows raw markup${language.dir === 'rtl' ? ' or a reversed number' : ''}`, async ({
    page,
    host,
  }) => {
    test.setTimeout(240_000);
    const app = new VisitorApp(page, language);
    const locale = language.code;
    const findings: Findings = { markup: [], reversed: [] };
    await app.start(host.url, 'default');
    await check(page, 'home', locale, findings);
    for (const screen of [app.t.nav.help, app.t.nav.emergency]) {
      await app.backHome();
      await app.button(screen).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      await check(page, screen, locale, findings);
    }
    for (const topic of topics(locale)) {
      await openBySearch(app, topic, findings);
      await check(page, topic.title, locale, findings);
    }
    for (const journey of journeys(locale)) {
      const seen = new Set(await walkJourney(app, journey, [], findings));
      // Every question answered "no" gives the slip; each "no" that inserts helper steps or takes the other path shows them.
      await walkJourney(
        app,
        journey,
        journey.readiness.map((_, q) => q),
        findings,
      );
      for (const [q, question] of journey.readiness.entries()) {
        if (question.if_no.insert || question.if_no.path)
          for (const title of await walkJourney(app, journey, [q], findings)) seen.add(title);
      }
      expect(
        journey.steps.map((s) => s.title).filter((title) => !seen.has(title)),
        `steps of "${journey.title}" never reached`,
      ).toEqual([]);
    }
    expect.soft(findings.markup, 'raw markup shown').toEqual([]);
    expect.soft(findings.reversed, 'numbers shown with their digit groups reversed').toEqual([]);
  });
}
