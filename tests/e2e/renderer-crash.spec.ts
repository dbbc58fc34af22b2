// The third ending of a visit: the page's renderer process is killed. The launcher's real browser supervisor runs
// the system Chromium (headless here) with its debugging pipe; it must bring the page back to a clean home screen
// with the visitor's data of the app's origin wiped, and the canary must be nowhere, on screen or on disk.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { superviseBrowser } from '../../main/hosts/launcher/browser-supervisor';
import type { Cdp } from '../../main/hosts/launcher/cdp-pipe';
import { createMemoryLogger } from '../../main/core/log';
import { descendants } from '../bench/browser-processes';
import { chromiumExecutable } from './chromium-path';
import { expect, startHost, stopHost, test } from './fixtures';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      return [];
    }
  });
const holding = (dir: string, canary: string) =>
  filesUnder(dir).filter((file) => {
    try {
      const bytes = readFileSync(file);
      return bytes.includes(Buffer.from(canary)) || bytes.includes(Buffer.from(canary, 'utf16le'));
    } catch {
      return false;
    }
  });

/** The app's page in the supervised browser, and a way to run code in it. */
async function appPage(cdp: Cdp, url: string) {
  for (let i = 0; i < 100; i++) {
    const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
    const page = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(url));
    if (page) {
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: page.targetId, flatten: true });
      // A page that is loading or gone may never answer: each call gives up after a second.
      const evaluate = async <T>(expression: string): Promise<T> => {
        const answer = cdp.send<{ result: { value: T } }>(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        );
        const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), 1000));
        return (await Promise.race([answer, late])).result.value;
      };
      return { sessionId, evaluate };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app page did not open');
}

/** The home screen's heading once the app has taken over the page built ahead of it (its buttons are the app's), else null. */
const homeHeading = "document.documentElement.dataset.ready === 'true' ? (document.querySelector('h1')?.textContent ?? null) : null";

async function until(check: () => Promise<boolean>, what: string, withinMs = 5000) {
  for (let i = 0; i < withinMs / 100; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('after the renderer is killed, the page comes back home and nothing of the visit is left anywhere', async () => {
  test.setTimeout(60_000);
  const host = await startHost(mkdtempSync(join(tmpdir(), 'passerelle-crash-')));
  const log = createMemoryLogger();
  const binary = chromiumExecutable();
  if (!binary) throw new Error('no Chromium found for the browser tests');
  const browser = superviseBrowser(binary, host.url, {
    kiosk: false,
    headless: true,
    log,
    extraArgs: ['--no-sandbox', '--disable-gpu', host.url],
  });
  try {
    const running = browser.current();
    if (!running) throw new Error('the browser did not start');
    const { cdp, pid, profileDir } = running;
    const canary = `zq${Date.now().toString(36)}crash`;

    let page = await appPage(cdp, host.url);
    await until(async () => (await page.evaluate<string | null>(homeHeading)) === 'Bonjour', 'the home screen');
    await page.evaluate("[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Rechercher').click()");
    await until(() => page.evaluate<boolean>("document.querySelector('input') !== null"), 'the search screen');
    await page.evaluate("document.querySelector('input').focus()");
    await cdp.send('Input.insertText', { text: canary }, page.sessionId);
    await page.evaluate(`(async () => {
      localStorage.setItem('canary', '${canary}');
      sessionStorage.setItem('canary', '${canary}');
      document.cookie = 'canary=${canary}; max-age=3600; path=/';
      await (await caches.open('canary')).put('/canary', new Response('${canary}'));
    })()`);
    expect(await page.evaluate<string>("document.querySelector('input').value")).toBe(canary);

    // Kill every renderer of the browser, as a crash or an out-of-memory kill would.
    const renderers = (descendants(pid) ?? []).filter((p) => p.cmdline.includes('--type=renderer'));
    expect(renderers.length).toBeGreaterThan(0);
    for (const renderer of renderers) process.kill(renderer.pid, 'SIGKILL');

    await until(async () => log.lines.some((line) => line.event === 'renderer.recovered'), 'the supervisor to see the crash');
    // The page's new renderer: attach again until it shows the home screen.
    await until(
      async () => {
        page = await appPage(cdp, host.url);
        return (await page.evaluate<string | null>(homeHeading)) === 'Bonjour';
      },
      `the home screen again (${JSON.stringify(log.lines)})`,
    );
    const left = await page.evaluate<unknown>(`(async () => ({
      dom: document.documentElement.outerHTML.includes('${canary}') || [...document.querySelectorAll('input')].some((i) => i.value.includes('${canary}')),
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      caches: await caches.keys(),
      lang: document.documentElement.lang,
    }))()`);
    expect(log.lines.filter((line) => line.event !== 'renderer.recovered')).toEqual([]);
    expect(left).toEqual({ dom: false, local: 0, session: 0, cookie: '', caches: [], lang: 'fr' });
    expect(holding(profileDir, canary)).toEqual([]);
    expect(holding(host.dataDir, canary)).toEqual([]);
  } finally {
    browser.stop();
    await stopHost(host);
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

type Running = NonNullable<ReturnType<ReturnType<typeof superviseBrowser>['current']>>;

/**
 * A visit on the home screen of a supervised browser (its canary in the page's storage), then `stall(browser, page)`:
 * the supervisor must log `event`, end that browser and open a fresh one, with a fresh profile, on a clean home
 * screen, and remove the old profile.
 */
async function expectReplaced(
  event: string,
  stall: (first: Running, page: Awaited<ReturnType<typeof appPage>>) => void,
  withinMs = 5000,
): Promise<void> {
  const host = await startHost(mkdtempSync(join(tmpdir(), 'passerelle-hang-')));
  const log = createMemoryLogger();
  const binary = chromiumExecutable();
  if (!binary) throw new Error('no Chromium found for the browser tests');
  // Short delays for the test; the kiosk waits 15 seconds before calling a page or the browser hung.
  const browser = superviseBrowser(binary, host.url, {
    kiosk: false,
    headless: true,
    log,
    hangAfterMs: 2000,
    checkEveryMs: 500,
    extraArgs: ['--no-sandbox', '--disable-gpu', host.url],
  });
  const first = browser.current();
  try {
    if (!first) throw new Error('the browser did not start');
    const canary = `zq${Date.now().toString(36)}hang`;
    const page = await appPage(first.cdp, host.url);
    await until(async () => (await page.evaluate<string | null>(homeHeading)) === 'Bonjour', 'the home screen');
    await page.evaluate(`localStorage.setItem('canary', '${canary}'); 1`);
    stall(first, page);

    await until(async () => (browser.current()?.pid ?? first.pid) !== first.pid, 'a fresh browser', withinMs);
    expect(log.lines.map((line) => line.event)).toContain(event);
    const second = browser.current();
    if (!second) throw new Error('no browser after the hang');
    expect(second.profileDir).not.toBe(first.profileDir);
    const again = await appPage(second.cdp, host.url);
    await until(async () => (await again.evaluate<string | null>(homeHeading)) === 'Bonjour', 'the home screen in the fresh browser');
    expect(await again.evaluate<number>('localStorage.length')).toBe(0);
    // The hung browser's profile folder is gone with it.
    await until(async () => filesUnderOrNone(first.profileDir).length === 0, 'the old profile to be removed');
  } finally {
    // A stopped browser the supervisor failed to end is not left behind by the test.
    if (first) endIfLeft(first.pid);
    browser.stop();
    await stopHost(host);
    rmSync(host.dataDir, { recursive: true, force: true });
  }
}

function endIfLeft(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Ended by the supervisor.
  }
}

test('a page that hangs is replaced: a fresh browser, a fresh profile, the home screen, nothing of the visit', async () => {
  test.setTimeout(60_000);
  // The page's script loops for ever: it answers nothing any more.
  await expectReplaced('renderer.hung', (first, page) => {
    void first.cdp.send('Runtime.evaluate', { expression: 'for (;;) {}' }, page.sessionId).catch(() => undefined);
  });
});

test('a browser that stops answering is replaced: a fresh browser, a fresh profile, the home screen, nothing of the visit', async () => {
  test.setTimeout(60_000);
  // The browser's own process stops (stuck in a system call, a toolkit dialog, a deadlock): its window is frozen, its
  // debugging pipe stays open and answers nothing, its pages' renderers still run.
  await expectReplaced('browser.hung', (first) => process.kill(first.pid, 'SIGSTOP'), 10_000);
});

function filesUnderOrNone(dir: string): string[] {
  try {
    return filesUnder(dir);
  } catch {
    return [];
  }
}
