// A visitor alone opens a step's official site in the browser-kiosk mode. The product's own launcher (`npm start`'s
// built start.cjs, with a site configuration that allowlists https://www.ameli.fr) runs the system Chromium through its
// supervisor; this test watches the same browser over a debugging port of its own. The supervisor must keep the window
// the kiosk page opened on the allowlisted origin, with a button back to the guide, close one on any other origin, and
// at the end of the visit (or when the kiosk page crashes) close the official window and wipe what its origin stored.
// No internet here: the official names resolve to a local https server with a certificate made for the test, which
// the browser accepts through --ignore-certificate-errors (a test-only flag, in the browser wrapper below).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endVisitWith, expect, test } from './fixtures';
import { hasCups, pdfs, pdfsSince, pdfText, queue } from './cups-pdf';
import { connectToKiosk, startLauncher, type RunningLauncher } from './launcher-process';
import { offeredLanguages, VisitorApp } from './visitor-app';

const official = 'https://www.ameli.fr';
const elsewhere = 'https://www.exemple-non-officiel.fr';
const canary = `canary-${Date.now()}`;

const cleanups: (() => Promise<unknown> | unknown)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The "official site": /set stores the canary as a login would (web storage and a cookie); every page shows them. */
async function startOfficialSite(work: string): Promise<number> {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=www.ameli.fr',
      '-keyout',
      join(work, 'key.pem'),
      '-out',
      join(work, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const site: Server = createHttpsServer(
    { key: readFileSync(join(work, 'key.pem')), cert: readFileSync(join(work, 'cert.pem')) },
    (request, response) => {
      const store = request.url?.startsWith('/set')
        ? `localStorage.setItem('visit', '${canary}'); document.cookie = 'visit=${canary}; Secure; SameSite=Lax; Max-Age=3600';`
        : '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="fr"><title>Site officiel</title><h1>Site officiel</h1><script>${store}` +
          `document.title = 'stored:' + (localStorage.getItem('visit') ?? '') + '|' + document.cookie;</script></html>`,
      );
    },
  );
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => site.close(resolve)));
  return (site.address() as AddressInfo).port;
}

async function launch(work: string, sitePort: number): Promise<RunningLauncher> {
  const rules = `MAP www.ameli.fr:443 127.0.0.1:${sitePort}, MAP www.exemple-non-officiel.fr:443 127.0.0.1:${sitePort}`;
  const launcher = await startLauncher(work, { allowedOrigins: [official], kiosk: false }, [
    '--no-sandbox',
    '--disable-gpu',
    '--headless=new',
    `--host-resolver-rules="${rules}"`,
    '--ignore-certificate-errors',
  ]);
  cleanups.push(launcher.stop);
  return launcher;
}

/** What the launcher logged (event names only are checked: the log never holds what a visitor did). */
const loggedEvents = (work: string): string =>
  readdirSync(join(work, 'data', 'logs'))
    .map((name) => readFileSync(join(work, 'data', 'logs', name), 'utf8'))
    .join('\n');

test('a visitor alone opens the official site beside the guide; nothing else stays; the end of the visit closes and wipes it', async () => {
  test.setTimeout(90_000);
  const work = mkdtempSync(join(tmpdir(), 'passerelle-official-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const sitePort = await startOfficialSite(work);
  const launcher = await launch(work, sitePort);
  const { browser, context, kiosk } = await connectToKiosk(launcher);
  cleanups.push(() => browser.close());
  const openPages = () => context.pages().filter((p) => !p.isClosed());

  // On the step that opens the ameli site, the visitor taps "open the official site on this kiosk".
  const app = new VisitorApp(kiosk, offeredLanguages[0] ?? { code: 'fr', autonym: 'Français', dir: 'ltr' });
  await app.openJourneyAnswering('yes');
  await app.button(app.t.journey.start).click();
  const popup = context.waitForEvent('page');
  await app.button(app.t.journey.officialOpen).click();
  const opened = await popup;
  await expect.poll(() => opened.url()).toMatch(/^https:\/\/www\.ameli\.fr\//);
  // It stays (the supervisor decides in milliseconds), and shows its way back to the guide.
  await new Promise((r) => setTimeout(r, 1500));
  expect(opened.isClosed()).toBe(false);
  const wayBack = opened.getByRole('button', { name: app.t.journey.officialBack });
  await expect(wayBack).toBeVisible();
  // The site's pages, or any page reached from them, have no hold on the guide: no opener to read or to navigate.
  expect(await opened.evaluate(() => window.opener === null), 'the official window can reach the kiosk page').toBe(true);

  // The site's own print button: the kiosk prints that page through its queue, never through the browser's print
  // dialog (whose toolkit freezes the window with Debian 12's 2026 CUPS). A page pressing it in a loop gets 3 sheets.
  const before = pdfs();
  const pressed = opened.evaluate(() => {
    for (let n = 0; n < 5; n++) window.print();
    return 'answered';
  });
  expect(await Promise.race([pressed, new Promise((resolve) => setTimeout(resolve, 5000, 'frozen'))])).toBe('answered');
  if (hasCups) {
    await expect.poll(() => pdfsSince(before).length, { timeout: 20_000 }).toBe(3);
    await expect.poll(queue, { timeout: 20_000 }).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const sheets = pdfsSince(before);
    expect(sheets).toHaveLength(3);
    for (const sheet of sheets) expect(pdfText(sheet)).toContain('Site officiel');
    expect(loggedEvents(work)).toContain('"print.limit"');
  } else {
    console.log('CUPS is not installed here: the official page is not printed, only checked not to freeze (CI installs it)');
  }

  // A window on another origin, opened by the same page, is closed at once.
  const other = context.waitForEvent('page');
  await kiosk.evaluate((url) => void window.open(url, 'other'), `${elsewhere}/`);
  const closedOther = await other;
  await expect.poll(() => closedOther.isClosed(), { timeout: 5000 }).toBe(true);

  // The way back closes the official window: the guide is there again, on the same step.
  // The window closes under the click itself: Playwright may then report the page gone, which is the point.
  await wayBack.click().catch((error: unknown) => {
    if (!opened.isClosed()) throw error;
  });
  await expect.poll(() => opened.isClosed(), { timeout: 5000 }).toBe(true);
  await expect(app.button(app.t.journey.officialOpen)).toBeVisible();

  // The visitor opens it once more and the site stores a login; then the visit ends with "Terminer".
  const again = context.waitForEvent('page');
  await kiosk.evaluate((url) => void window.open(url, 'passerelle-official'), `${official}/set`);
  const loggedIn = await again;
  await expect.poll(() => loggedIn.title(), { timeout: 10_000 }).toContain(canary);
  await app.button(app.t.nav.end).click();
  await endVisitWith(kiosk, kiosk.getByRole('alertdialog').getByRole('button', { name: app.t.end.confirm }));
  await expect.poll(() => loggedIn.isClosed(), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => loggedEvents(work), { timeout: 5000 }).toContain('lockdown.officialWindowsWiped');
  expect(openPages().map((p) => new URL(p.url()).origin)).toEqual([new URL(launcher.url).origin]);

  // A fresh window on the official origin, once the next visit's home screen is there, finds nothing of the visitor.
  await expect(app.heading(app.t.home.title)).toBeVisible({ timeout: 10_000 });
  await kiosk.waitForLoadState('load');
  const fresh = context.waitForEvent('page');
  await kiosk.evaluate((url) => void window.open(url, 'passerelle-official'), `${official}/read`);
  const reading = await fresh;
  await expect.poll(() => reading.title(), { timeout: 10_000 }).toMatch(/^stored:/);
  expect(await reading.title()).not.toContain(canary);

  // The kiosk page's renderer crashes with an official window open: that window goes with the visit it belonged to.
  const crash = await context.newCDPSession(kiosk);
  await crash.send('Page.crash').catch(() => undefined);
  await expect.poll(() => reading.isClosed(), { timeout: 10_000 }).toBe(true);
});

test('where the kiosk cannot open official sites, the step says so plainly and offers the QR code and the desk', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new VisitorApp(page, offeredLanguages[0] ?? { code: 'fr', autonym: 'Français', dir: 'ltr' });
  await app.openJourneyAnswering('yes');
  await app.button(app.t.journey.start).click();
  await expect(page.getByText(app.t.journey.officialCannot, { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Code QR de l'adresse www\.ameli\.fr/ })).toBeVisible();
  await expect(app.button(app.t.journey.officialOpen)).toHaveCount(0);
});
