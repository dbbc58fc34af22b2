// A browser already waiting when the host starts (one the machine starts, a reload after the host's restart): the real
// host, started again with the same inputs, answers the home page from what it kept at its previous start before its
// own code is loaded (its "Logs:" line comes when that code runs), exactly as the host would send it, and a changed
// configuration is never answered from the kept page. Each test keeps its own cache folder, as the service unit does.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { firstPageFile } from '../../main/hosts/common/first-page';
import { startHost, stopHost, type RunningHost } from './host-process';
import { t } from '../bench/kiosk-page';

let root: string;
const running: RunningHost[] = [];

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'passerelle-first-stage-'));
  // As systemd makes it for the service (CacheDirectory=).
  mkdirSync(join(root, 'cache'));
});
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((host) => stopHost(host)));
  rmSync(root, { recursive: true, force: true });
});

const cacheDir = () => join(root, 'cache');
const configFile = () => join(root, 'config.json');
const writeConfig = (siteName: string) =>
  writeFileSync(configFile(), JSON.stringify({ siteName, siteType: 'library', locales: ['fr', 'en', 'ar'] }));

async function start(options: { waitForServices: boolean }): Promise<{ host: RunningHost; said: () => string }> {
  const host = await startHost(join(root, 'data'), [`--config=${configFile()}`], [], {
    waitForServices: options.waitForServices,
    env: { CACHE_DIRECTORY: cacheDir() },
  });
  running.push(host);
  return { host, said: host.printed };
}

/** A first start, whose services open: it keeps its first answers for the next start. Gives its home page as sent. */
async function startOnceAndStop(): Promise<Awaited<ReturnType<typeof get>>> {
  const { host, said } = await start({ waitForServices: true });
  expect(said(), 'a first start printed its log file').toContain('Logs:');
  const page = await get(host.url);
  await expect.poll(() => existsSync(firstPageFile(cacheDir())), { timeout: 10_000 }).toBe(true);
  await stopHost(host);
  running.splice(running.indexOf(host), 1);
  return page;
}

/** GET with the headers given (Host too, which fetch does not let a caller set). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const kept = Object.fromEntries(
          Object.entries(res.headers).filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
        );
        resolve({ status: res.statusCode ?? 0, headers: kept as Record<string, string>, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

test('a browser waiting at the next start gets the home page before the host has loaded its code; a tap on it is answered and the app takes over', async ({
  browser,
}) => {
  writeConfig('Médiathèque des Tilleuls');
  const sentByHost = await startOnceAndStop();

  const { host, said } = await start({ waitForServices: false });
  const sentFirst = await get(host.url);
  expect(said(), 'the host had already loaded its code').not.toContain('Logs:');
  expect(sentFirst).toEqual(sentByHost);
  expect(sentFirst.body).toContain('Médiathèque des Tilleuls');

  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await page.getByRole('button', { name: t.comfort.open, exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // The app takes over the page, and its first calls wake the host, which answers them.
  await expect(page.locator('html[data-ready]')).toBeAttached({ timeout: 15_000 });
  await expect.poll(said, { timeout: 10_000 }).toContain('Logs:');
  const health = await page.evaluate(async () => (await fetch('/api/health')).status);
  expect(health).toBe(200);
  await page.context().close();
});

test('a configuration changed since the last start is never answered from the kept page', async () => {
  writeConfig('Médiathèque des Tilleuls');
  await startOnceAndStop();
  writeConfig('Espace France services du Parc');
  const { host } = await start({ waitForServices: false });
  const page = await get(host.url);
  expect(page.body).toContain('Espace France services du Parc');
  expect(page.body).not.toContain('Médiathèque des Tilleuls');
});

test('the first stage refuses what the host refuses, and leaves the calls to the host', async () => {
  writeConfig('Médiathèque des Tilleuls');
  await startOnceAndStop();
  const { host, said } = await start({ waitForServices: false });
  const port = new URL(host.url).port;
  expect((await get(new URL('/assets/nothing-here.js', host.url).href)).status).toBe(404);
  expect((await get(new URL('/%2e%2e/%2e%2e/package.json', host.url).href)).status).toBe(404);
  expect(said(), 'the host was woken for a file it would not serve either').not.toContain('Logs:');
  // Another name for this address (a site's DNS rebinding): refused, as by the host.
  expect((await get(host.url, { Host: `kiosk.example:${port}` })).status).toBe(421);
  const health = await get(new URL('/api/health', host.url).href);
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toMatchObject({ app: 'passerelle-sante', host: 'web' });
});

test('asked to stop before it has loaded its code, the host stops at once, cleanly', async () => {
  writeConfig('Médiathèque des Tilleuls');
  await startOnceAndStop();
  const { host, said } = await start({ waitForServices: false });
  await get(host.url);
  expect(said()).not.toContain('Logs:');
  const exited = new Promise<number | null>((resolve) => host.process.once('exit', (code) => resolve(code)));
  host.process.kill('SIGTERM');
  expect(await exited).toBe(0);
});
