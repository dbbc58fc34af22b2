// Reach at 200 % text on a 1080 × 1920 portrait kiosk: on every step of a journey, alone or with a mediator, in
// French and in Arabic, the way back, the previous and next step and help are on screen without scrolling, and the
// top bar stays compact and in view.
import type { Locator, Page } from '@playwright/test';
import { axeViolationsInPlace } from './axe';
import { expect, setupCodeOf, test, useOwnHost } from './fixtures';
import { seedMediators } from './mediator-seed';
import { fillTemplate, offeredLanguages, sweepMediator, VisitorApp } from './visitor-app';

const portrait = { width: 1080, height: 1920 };
/** The top bar may take a fifth of the screen at most (it took 629 px, a third, and scrolled away). */
const topBarBudget = portrait.height / 5;

const hostOf = useOwnHost('passerelle-reach-');
let seeded = false;

/** Where an element is now, and whether it is the one a tap at its centre would reach (not under a bar or a dialog). */
async function placeOf(locator: Locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      top: Math.round(box.top),
      bottom: Math.round(box.bottom),
      left: Math.round(box.left),
      right: Math.round(box.right),
      reachable: hit !== null && (hit === element || element.contains(hit)),
    };
  });
}

async function expectInReach(page: Page, controls: Readonly<Record<string, Locator>>, where: string): Promise<void> {
  const viewport = page.viewportSize() ?? portrait;
  for (const [name, control] of Object.entries(controls)) {
    await expect(control, `${name} (${where})`).toBeVisible();
    const place = await placeOf(control);
    expect.soft(place.top, `${name} below the top of the screen (${where})`).toBeGreaterThanOrEqual(0);
    expect.soft(place.bottom, `${name} above the bottom of the screen (${where})`).toBeLessThanOrEqual(viewport.height);
    expect.soft(place.left, `${name} inside the screen (${where})`).toBeGreaterThanOrEqual(0);
    expect.soft(place.right, `${name} inside the screen (${where})`).toBeLessThanOrEqual(viewport.width);
    expect.soft(place.reachable, `${name} not covered by anything (${where})`).toBe(true);
  }
}

/** The top bar: in view at the top of the screen and within its budget. */
async function expectCompactTopBar(page: Page, where: string): Promise<number> {
  const bar = await placeOf(page.getByRole('banner'));
  expect.soft(bar.top, `top bar at the top of the screen (${where})`).toBeGreaterThanOrEqual(-1);
  expect.soft(bar.bottom - Math.max(0, bar.top), `top bar height (${where})`).toBeLessThanOrEqual(topBarBudget);
  return bar.bottom - bar.top;
}

/**
 * Walks every step of the open journey (to its end step), checking at each one that the top bar is compact and that
 * back, previous, the given "next" button and help are in reach; axe runs on the second step.
 */
async function walkEveryStep(page: Page, app: VisitorApp, next: string, label: string): Promise<void> {
  const steps = app.journey.steps.length;
  for (let index = 0; index < steps; index++) {
    const where = `${label} ${index + 1} of ${steps}`;
    await expect(page.getByText(fillTemplate(app.t.journey.step, { n: index + 1, total: steps }), { exact: true })).toBeVisible();
    await expectCompactTopBar(page, where);
    await expectInReach(
      page,
      {
        back: app.button(app.t.nav.back),
        ...(index > 0 ? { previous: app.button(app.t.journey.previous) } : {}),
        next: app.button(next),
        help: app.button(app.t.journey.stepHelp),
      },
      where,
    );
    if (index === 1) expect(await axeViolationsInPlace(page), `axe (${where})`).toEqual([]);
    if (index === steps - 1 || app.journey.steps[index]?.end) break;
    const title = await page.locator('#step-heading').textContent();
    await app.button(next).click();
    await expect(page.locator('#step-heading')).not.toHaveText(title ?? '');
  }
}

for (const language of offeredLanguages.filter((l) => l.code === 'fr' || l.code === 'ar')) {
  test.describe(`at 200 % text on a portrait kiosk, in ${language.code}`, () => {
    test.use({ viewport: portrait });

    test('a visitor alone has back, previous, next and help in reach on every step', async ({ page }) => {
      const app = new VisitorApp(page, language);
      await app.start(hostOf().url, '200 % text');
      const height = await expectCompactTopBar(page, 'home');
      console.log(`top bar at 200 % on 1080×1920 (${language.code}): ${Math.round(height)} px of ${portrait.height}`);
      await app.openJourneyAnswering('yes');
      await app.button(app.t.journey.start).click();
      await walkEveryStep(page, app, app.t.journey.next, 'step');
      // Help opens over the step and closes back to it; back leaves the journey for the screen it came from.
      await app.button(app.t.journey.stepHelp).click();
      const help = page.getByRole('dialog', { name: app.t.journey.stepHelp });
      await expect(help).toBeVisible();
      expect(await axeViolationsInPlace(page), 'axe (step help)').toEqual([]);
      await help.getByRole('button', { name: app.t.glossary.close }).click();
      await expect(help).toBeHidden();
      await app.button(app.t.nav.back).click();
      await expect(app.heading(app.t.needs['compte-ameli'].label)).toBeVisible();
    });

    test('a mediator and a visitor have back, previous, next and help in reach on every step', async ({ page }) => {
      const host = hostOf();
      const app = new VisitorApp(page, language);
      await page.goto(host.url);
      if (!seeded) {
        await seedMediators(page, 'la borne en portrait', setupCodeOf(host), [
          { displayName: sweepMediator.name, role: 'volunteer', pin: sweepMediator.pin },
        ]);
        seeded = true;
      }
      await app.start(host.url, '200 % text');
      await app.openMediatorUnlock();
      await app.unlockAndOpenJourney();
      await app.backHome();
      await app.openAssistedStep();
      await walkEveryStep(page, app, app.t.assisted.doneVisitor, 'assisted step');
      // "Previous" shows the step before again without ending the accompaniment.
      const last = await page.locator('#step-heading').textContent();
      await app.button(app.t.journey.previous).click();
      await expect(page.locator('#step-heading')).not.toHaveText(last ?? '');
      await expect(app.button(app.t.assisted.doneVisitor)).toBeVisible();
    });
  });
}
