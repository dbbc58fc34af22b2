// The idle timeout: after the site's idle time (2 minutes by default) a warning counts down 30 seconds; one tap
// keeps the visit, as many times as needed; without an answer the visit ends on a clean home screen.
// The page's clock is Playwright's: the real components, with time moved forward by the test.
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

test('warns after the idle time, keeps the visit on one tap (again and again), and ends it without an answer', async ({ page, host }) => {
  // The clock stands still between the test's steps, so a slow machine (the axe run below takes seconds on CI)
  // does not eat into the countdown: only fastForward moves time.
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await page.clock.pauseAt(new Date('2026-03-02T09:00:30'));
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Mon espace santé' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace santé' })).toBeVisible();

  // Activity restarts the count: 100 s, a tap, 100 s more is still no warning.
  await page.clock.fastForward(100_000);
  await page.mouse.click(5, 600);
  await page.clock.fastForward(100_000);
  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeHidden();

  await page.clock.fastForward(21_000);
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('timer')).toHaveText('Seconds left: 30');
  // Screen readers hear it once when it opens (an assertive live region), not every second.
  await expect(warning.locator('[aria-live="assertive"]')).toHaveText('Seconds left: 30');
  await page.clock.fastForward(12_000);
  await expect(warning.getByRole('timer')).toHaveText('Seconds left: 18');
  await expect(warning.locator('[aria-live="assertive"]')).toHaveText('Seconds left: 20');
  await warning.getByRole('button', { name: 'I am still here' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace santé' })).toBeVisible();

  // Again: a tap anywhere outside the dialog keeps the visit too.
  await page.clock.fastForward(121_000);
  await expect(warning).toBeVisible();
  // axe-core needs running timers: the clock runs while it checks the dialog, then stands still again.
  await page.clock.resume();
  expect(await axeViolations(page)).toEqual([]);
  await page.mouse.click(5, 5);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace santé' })).toBeVisible();

  // Nobody answers: the visit ends, back home in French.
  await page.clock.fastForward(121_000);
  await expect(warning).toBeVisible();
  await page.clock.fastForward(31_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
