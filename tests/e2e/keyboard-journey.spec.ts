// A whole journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape): no click and no scripted focus.
// Every stop of the focus must be visible, and each new step must take the focus on its heading.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fillTemplate, offeredLanguages, VisitorApp } from './visitor-app';

/** The focused element shows a focus ring (2.4.7) and is at least partly on screen, not scrolled away (2.4.11). */
async function expectVisibleFocus(page: Page, where: string): Promise<void> {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      element: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
  });
  expect(focus, `something has the focus (${where})`).not.toBeNull();
  expect({ ...focus, outline: (focus?.outline ?? 0) >= 2 }, `the focus is visible (${where})`).toEqual({
    element: focus?.element,
    focusVisible: true,
    outline: true,
    onScreen: true,
  });
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking that the focus is visible at every stop. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  const focused = () => target.evaluate((el) => el === document.activeElement);
  for (let presses = 0; presses < 40 && !(await focused()); presses++) {
    await page.keyboard.press(key);
    await expectVisibleFocus(page, `after ${key} #${presses + 1} on the way to ${target}`);
  }
  await expect(target).toBeFocused();
}

/** The heading of a new step or question has the focus, and shows it (keyboard users must see where they are). */
async function expectFocusOnHeading(page: Page, heading: Locator, where: string): Promise<void> {
  await expect(heading, where).toBeFocused();
  await expectVisibleFocus(page, where);
}

/** From a fresh visit: Tab to a need on the home screen, then to the journey in its list of pages. */
async function openJourneyWithKeyboard(page: Page, url: string): Promise<VisitorApp> {
  const language = offeredLanguages.find((l) => l.code === 'fr');
  if (!language) throw new Error('French is the default language of the kiosk');
  const app = new VisitorApp(page, language);
  const { t, journey } = app;
  await page.goto(url);
  await expect(app.heading(t.home.title)).toBeFocused();
  await tabTo(page, app.button(t.needs['compte-ameli'].label));
  await page.keyboard.press('Enter');
  await expectFocusOnHeading(page, app.heading(t.needs['compte-ameli'].label), 'the need screen');
  await tabTo(page, page.getByRole('button').filter({ has: page.getByText(journey.title, { exact: true }) }));
  await page.keyboard.press('Enter');
  await expect(app.heading(journey.title)).toBeFocused();
  return app;
}

test('a journey can be done from the home screen to its end with the keyboard alone, the focus always visible', async ({ page, host }) => {
  const app = await openJourneyWithKeyboard(page, host.url);
  const { t, journey } = app;

  // The readiness questions, answered "yes" with Enter and Space in turn; each new question takes the focus.
  for (let question = 0; question < journey.readiness.length; question++) {
    await tabTo(page, app.button(t.journey.yes));
    await page.keyboard.press(question % 2 === 0 ? 'Enter' : 'Space');
    if (question < journey.readiness.length - 1)
      await expectFocusOnHeading(page, app.heading(t.journey.before, 2), `readiness question ${question + 2}`);
  }
  await tabTo(page, app.button(t.journey.start));
  await page.keyboard.press('Enter');

  let checkedProblems = false;
  let checkedGlossary = false;
  for (let step = 0; step < journey.steps.length; step++) {
    const where = `step ${step + 1}`;
    await expectFocusOnHeading(page, app.heading(journey.steps[step]?.title ?? '', 2), where);
    await expect(page.getByText(fillTemplate(t.journey.step, { n: step + 1, total: journey.steps.length }), { exact: true })).toBeVisible();

    const word = app.glossaryWords.first();
    if (!checkedGlossary && (await word.count()) > 0) {
      // A word's definition opens with Enter and closes with Escape, giving the focus back to the word.
      await tabTo(page, word);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectVisibleFocus(page, `${where}, glossary definition`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(word).toBeFocused();
      checkedGlossary = true;
    }
    const problems = page.getByText(t.journey.problems, { exact: true });
    if (!checkedProblems && (await problems.count()) > 0) {
      // "If it does not work" opens with Space, as a disclosure does.
      await tabTo(page, problems);
      await page.keyboard.press('Space');
      await expect(problems.locator('..')).toHaveAttribute('open', '');
      checkedProblems = true;
    }
    const next = app.button(t.journey.next);
    await tabTo(page, next);
    if (step > 0) {
      // Shift+Tab goes back to "previous step", just before "next step" in the reading order.
      await tabTo(page, app.button(t.journey.previous), 'Shift+Tab');
      await tabTo(page, next);
    }
    await page.keyboard.press('Enter');
  }
  await expectFocusOnHeading(page, app.heading(t.journey.done, 2), 'the end of the journey');
  expect({ checkedGlossary, checkedProblems }, 'the journey has glossary words and problems to try with the keyboard').toEqual({
    checkedGlossary: true,
    checkedProblems: true,
  });
});

test('after the last readiness answer, the focus stays in the journey instead of falling to the page', async ({ page, host }) => {
  const app = await openJourneyWithKeyboard(page, host.url);
  for (let question = 0; question < app.journey.readiness.length; question++) {
    await tabTo(page, app.button(app.t.journey.yes));
    await page.keyboard.press('Enter');
  }
  await expect(app.button(app.t.journey.start)).toBeVisible();
  expect(await page.evaluate(() => document.activeElement?.tagName), 'the element that has the focus').not.toBe('BODY');
  await expect(app.button(app.t.journey.start)).toBeFocused();
});
