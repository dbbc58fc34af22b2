// Nothing of a visitor stays after they leave. During a visit, a unique canary string is typed into every text
// field, pages are opened, language and comfort changed, a journey started, the canary is copied to the clipboard,
// and it is also planted in every kind of web storage (as a future bug might). After the visit ends, by "Terminer"
// or by the idle timeout, the canary must be nowhere: DOM, web storage, cookies, the clipboard, state DB files (with
// -wal and -shm), logs, and the browser profile on disk. The browser context is off the record, like the kiosk's
// Chromium (--incognito).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { appRunning, endVisitWith, expect, startHost, stopHost, test, type RunningHost } from './fixtures';

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      return [];
    }
  });
}

/** Files holding the canary, as UTF-8 or UTF-16 (Chromium stores some strings as UTF-16). */
function filesContaining(dir: string, canary: string): string[] {
  const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')];
  return filesUnder(dir).filter((file) => {
    try {
      const bytes = readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    } catch {
      return false;
    }
  });
}

/** The profile folder of the browser this test worker launched (Linux: read from /proc; the browser is our child). */
function profileDirOfOurBrowser(): string {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
      if (Number(parent) !== process.pid) continue;
      const flag = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .find((a) => a.startsWith('--user-data-dir='));
      if (flag) return flag.slice('--user-data-dir='.length);
    } catch {
      // A process that ended meanwhile.
    }
  }
  throw new Error('the browser launched by this worker was not found');
}

/**
 * What the browser's clipboard holds. The kiosk's own page may not read it (its Permissions-Policy denies
 * clipboard-read), so another page of the same browser reads it, from an origin of its own, then closes.
 */
async function clipboardText(page: Page): Promise<string> {
  const reader = await page.context().newPage();
  const origin = 'http://127.0.0.2';
  await reader.route(`${origin}/`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>reader</title>' }));
  await page.context().grantPermissions(['clipboard-read'], { origin });
  try {
    await reader.goto(`${origin}/`);
    await reader.bringToFront();
    return await reader.evaluate(() => navigator.clipboard.readText());
  } finally {
    await reader.close();
    await page.bringToFront();
  }
}

/** A visit that leaves the canary everywhere a visitor (or a bug) could. */
async function visitWithCanary(page: Page, url: string, canary: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Comfort' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: '200 %' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Search' }).click();
  // Every text field of the visit gets the canary, typed as a visitor types.
  const fields = page.locator('input:visible, textarea:visible');
  for (const field of await fields.all()) await field.pressSequentially(canary);
  await expect(page.getByRole('searchbox')).toHaveValue(canary);
  // And copies it, as a visitor copies a text to paste it elsewhere: it must not stay on the clipboard either.
  await page.getByRole('searchbox').press('ControlOrMeta+a');
  await page.getByRole('searchbox').press('ControlOrMeta+c');
  expect(await clipboardText(page)).toBe(canary);
  await page.getByRole('searchbox').fill('ameli');
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'My ameli account' }).click();
  await page
    .getByRole('button', { name: /Create my ameli account/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.evaluate(async (value) => {
    localStorage.setItem('canary', value);
    sessionStorage.setItem('canary', value);
    document.cookie = `canary=${value}; max-age=3600; path=/`;
    const cache = await caches.open('canary');
    await cache.put('/canary', new Response(value));
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('canary', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => {
        const tx = open.result.transaction('s', 'readwrite');
        tx.objectStore('s').put(value, 'k');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
      open.onerror = () => reject(open.error);
    });
  }, canary);
}

async function expectForgotten(page: Page, host: RunningHost, profileDir: string, canary: string) {
  // Home, in the site's language and display.
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  // The page being left shows the next visitor's home (the served markup, without the app's data-ready) before it
  // reloads: what is read below is read from the new page, once its app is ready.
  await appRunning(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '100');
  const inPage = await page.evaluate(
    async (value) => ({
      dom:
        document.documentElement.outerHTML.includes(value) || [...document.querySelectorAll('input')].some((i) => i.value.includes(value)),
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      caches: await caches.keys(),
      databases: (await indexedDB.databases()).map((d) => d.name),
    }),
    canary,
  );
  expect(inPage).toEqual({ dom: false, local: 0, session: 0, cookie: '', caches: [], databases: [] });
  expect(await clipboardText(page)).not.toContain(canary);
  expect(await page.context().cookies()).toEqual([]);
  expect(filesContaining(host.dataDir, canary)).toEqual([]);
  expect(filesContaining(profileDir, canary)).toEqual([]);
  // The state DB and its write-ahead files were looked at, and the log exists: the checks above saw real files.
  const files = filesUnder(host.dataDir).map((f) => f.slice(host.dataDir.length + 1));
  expect(files).toEqual(expect.arrayContaining(['state.db', 'state.db-wal']));
  expect(files.some((f) => f.startsWith('logs'))).toBe(true);
}

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost(mkdtempSync(join(tmpdir(), 'passerelle-canary-')));
});
test.afterEach(async () => {
  await stopHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

test('after "Terminer", nothing of the visit is left anywhere', async ({ page }) => {
  const canary = `zq${Date.now().toString(36)}canary`;
  await visitWithCanary(page, host.url, canary);
  const started = Date.now();
  await page.getByRole('button', { name: 'Finish' }).click();
  await endVisitWith(page, page.getByRole('alertdialog').getByRole('button', { name: 'Yes, finish' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour' })).toBeVisible();
  // Back home within one second.
  expect(Date.now() - started).toBeLessThan(1000);
  await expectForgotten(page, host, profileDirOfOurBrowser(), canary);
});

test('after the idle timeout, nothing of the visit is left anywhere', async ({ page }) => {
  const canary = `zq${Date.now().toString(36)}idle`;
  await page.clock.install();
  await visitWithCanary(page, host.url, canary);
  await page.clock.fastForward(121_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.fastForward(31_000);
  await expectForgotten(page, host, profileDirOfOurBrowser(), canary);
});
