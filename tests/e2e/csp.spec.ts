// The Content-Security-Policy the host sends holds on every visitor screen and dialog: nothing the app itself does
// (the <style> elements react-aria injects included) is refused, as Chromium reports it with securitypolicyviolation.
import { createHash } from 'node:crypto';
import { contentSecurityPolicy } from '../../main/hosts/common/csp';
import { expect, test } from './fixtures';
import { offeredLanguages, VisitorApp } from './visitor-app';
import { visitorStates } from './visitor-states';

test('no screen or dialog of a visit breaks the Content-Security-Policy', async ({ page, host }) => {
  test.setTimeout(90_000);
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(`console: ${message.text().slice(0, 200)}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => refused.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  const language = offeredLanguages.find((l) => l.code === 'fr');
  if (!language) throw new Error('French is not offered');
  const app = new VisitorApp(page, language);
  await app.start(host.url, 'default');
  // The assisted states need a mediator account: the rest is every screen and dialog a visitor reaches alone.
  for (const state of visitorStates.filter((s) => !s.name.startsWith('assisted'))) {
    if (!state.continues) await app.backHome();
    await state.reach(app);
    expect(refused, `on "${state.name}"`).toEqual([]);
  }
  // The <style> elements the page holds are there because the policy allows them by their hash, not by 'unsafe-inline'.
  const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''));
  expect(styles.length).toBeGreaterThan(0);
  // The policy the host sends with the page (the built home page's own style sheet is allowed by its hash there).
  const policy = (await fetch(host.url)).headers.get('content-security-policy') ?? '';
  expect(policy).toContain(contentSecurityPolicy().split('; ')[0] ?? '');
  for (const text of styles) expect(policy).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  expect(policy).not.toContain('unsafe-inline');
});
