// The browser-kiosk supervisor on its own, without the key rule it injects or any managed policy: windows a page or
// the browser opens are closed at once, the kiosk page is brought home when it leaves the kiosk, a file chooser is
// intercepted, and a closed kiosk window brings a fresh browser. The launcher's real supervisor, system Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { superviseBrowser, type BrowserSupervisor } from '../../main/hosts/launcher/browser-supervisor';
import type { Cdp } from '../../main/hosts/launcher/cdp-pipe';
import { createMemoryLogger } from '../../main/core/log';
import { chromiumExecutable } from './chromium-path';
import { expect, startHost, stopHost, test, type RunningHost } from './fixtures';

interface Target {
  targetId: string;
  type: string;
  url: string;
}
const pages = async (cdp: Cdp) =>
  (await cdp.send<{ targetInfos: Target[] }>('Target.getTargets')).targetInfos.filter((t) => t.type === 'page');

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let host: RunningHost;
let browser: BrowserSupervisor;
const log = createMemoryLogger();

test.beforeAll(async () => {
  host = await startHost(mkdtempSync(join(tmpdir(), 'passerelle-guard-')));
  const binary = chromiumExecutable();
  if (!binary) throw new Error('no Chromium found for the browser tests');
  browser = superviseBrowser(binary, host.url, {
    kiosk: false,
    headless: true,
    log,
    extraArgs: ['--no-sandbox', '--disable-gpu', host.url],
  });
});
test.afterAll(async () => {
  browser.stop();
  await stopHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

/** The kiosk page, once the supervisor has closed everything else, and a session of the test's own on it. */
async function kioskPage() {
  const cdp = browser.current()?.cdp;
  if (!cdp) throw new Error('no browser');
  await until(async () => {
    const open = await pages(cdp);
    return open.length === 1 && open[0]?.url.startsWith(host.url) === true;
  }, 'the kiosk page alone');
  const [page] = await pages(cdp);
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: page?.targetId, flatten: true });
  await until(async () => {
    const answer = await cdp.send<{ result: { value: string } }>(
      'Runtime.evaluate',
      { expression: 'document.readyState', returnByValue: true },
      sessionId,
    );
    return answer.result.value === 'complete';
  }, 'the kiosk page to load');
  return { cdp, targetId: page?.targetId as string, sessionId };
}

test('a window the page or the browser opens is closed at once, whatever it shows', async () => {
  const { cdp, sessionId } = await kioskPage();
  const opened = new Set<string>();
  cdp.on('Target.targetCreated', (params) => {
    const info = params.targetInfo as Target;
    if (info.type === 'page') opened.add(info.targetId);
  });
  // The page may still be settling after the start: the call is tried again until the page has run it.
  await until(async () => {
    await cdp.send(
      'Runtime.evaluate',
      { expression: "window.open('about:blank'); window.open('https://example.org/'); 1", userGesture: true },
      sessionId,
    );
    return true;
  }, 'the page to open its windows');
  // As Ctrl+N, Ctrl+J, Ctrl+H would: new windows on the browser's own pages.
  for (const url of ['chrome://newtab/', 'chrome://downloads/', 'chrome://history/', 'file:///']) {
    await cdp.send('Target.createTarget', { url, newWindow: true }).catch(() => undefined);
  }
  await until(async () => (await pages(cdp)).length === 1, 'every other window to close', 3000);
  expect((await pages(cdp)).map((p) => p.url)).toEqual([host.url]);
  // They did open (the page's second popup may be refused by Chromium's own popup blocker), and all were closed.
  expect(opened.size).toBeGreaterThanOrEqual(5);
  expect(log.lines.filter((l) => l.event === 'lockdown.windowClosed').length).toBeGreaterThanOrEqual(opened.size);
});

test('the kiosk page that leaves the kiosk is brought home', async () => {
  const { cdp, targetId, sessionId } = await kioskPage();
  for (const url of ['file:///etc/', 'data:text/html,<h1>elsewhere</h1>', 'about:blank']) {
    await cdp.send('Page.navigate', { url }, sessionId).catch(() => undefined);
    await until(
      async () => (await pages(cdp)).some((p) => p.targetId === targetId && p.url === host.url),
      `the kiosk page back home from ${url}`,
    );
  }
  expect(log.lines.map((l) => l.event)).toContain('lockdown.kioskBroughtHome');
});

test('a file chooser never opens over the disk', async () => {
  const { cdp, sessionId } = await kioskPage();
  await cdp.send(
    'Runtime.evaluate',
    {
      expression:
        "(() => { const i = document.createElement('input'); i.type = 'file'; document.body.append(i); i.click(); i.remove(); return 1; })()",
      userGesture: true,
    },
    sessionId,
  );
  await until(async () => log.lines.some((l) => l.event === 'lockdown.fileChooserRefused'), 'the file chooser to be intercepted');
});

test('when the kiosk window is closed, a fresh browser opens the kiosk again', async () => {
  const { cdp, targetId } = await kioskPage();
  const before = browser.current()?.pid;
  await cdp.send('Target.closeTarget', { targetId });
  await until(async () => (browser.current()?.pid ?? before) !== before, 'a fresh browser', 20_000);
  await kioskPage();
  expect(log.lines.map((l) => l.event)).toContain('lockdown.kioskClosed');
});
