import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../main/core/config';
import { createFileLogger } from '../../main/core/log';
import { runWebHost } from '../../main/hosts/web/run-web-host';
import { createDispatch } from '../../main/app/dispatch';
import { isMethod } from '../../common/api/contract';
import { startWebHost, type WebHostServices } from '../../main/hosts/web/server';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start() {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const log = createFileLogger(join(dir, 'logs'));
  const config = parseSiteConfig(
    { port: 0, siteName: 'Bibliothèque test', allowedOrigins: ['https://www.ameli.fr'] },
    'test',
    join(dir, 'data'),
  );
  const web = await runWebHost(config, { renderer: rendererDir, bundledPack: null }, log);
  running.push(web);
  return { ...web, dir, log, origin: web.host.url.replace(/\/$/, '') };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (origin: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`${origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: JSON.stringify(body),
  });

describe('web host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page while the services open; calls made meanwhile wait for them and get their answer', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    let open: (services: WebHostServices) => void = () => undefined;
    const host = await startWebHost({
      services: new Promise<WebHostServices>((resolve) => (open = resolve)),
      rendererDir: dir,
      port: 0,
      log: createFileLogger(join(dir, 'logs')),
    });
    running.push(host);
    const origin = host.url.replace(/\/$/, '');
    // The page does not wait for the services (a state DB on a slow disk, a big content pack).
    const page = await send(host.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>kiosk</title>');
    const health = send(`${origin}/api/health`);
    const settings = call(origin, 'settings.public', {});
    let answered = false;
    void Promise.race([health, settings]).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    const web = await start();
    open({
      dispatch: createDispatch(web.kiosk.handlers, web.log, web.kiosk.sessions),
      status: web.kiosk.status,
      isMethod,
      endsVisit: () => false,
    });
    expect(JSON.parse((await health).body)).toMatchObject({ app: 'passerelle-sante', stateDb: { status: 'ok' } });
    expect(JSON.parse((await settings).body)).toMatchObject({ ok: true, value: { siteName: 'Bibliothèque test' } });
  });

  it('at start, serves the page’s first files before opening the services, which open once those are sent', async () => {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(rendererDir, 'assets', 'app-1.css'), 'body { margin: 0 }');
    writeFileSync(join(rendererDir, 'assets', 'font-1.woff2'), 'wOF2');
    const config = parseSiteConfig({ port: 0 }, 'test', join(dir, 'data'));
    const order: string[] = [];
    const log = createFileLogger(join(dir, 'logs'));
    const info = log.info.bind(log);
    log.info = (event, fields) => (order.push(event), info(event, fields));
    const started = performance.now();
    const web = await runWebHost(config, { renderer: rendererDir, bundledPack: null }, log, undefined, undefined, {
      afterFirstPage: true,
      // As a browser does: the page, then (once it has read it) the style sheet its first paint needs, then a font its
      // first layout finds (the top bar's "العربية", 75 ms later on the bench's starts; 200 ms here, a slower machine).
      onListening: (url) =>
        void send(url)
          .then((reply) => order.push(`page ${reply.status}`))
          .then(() => new Promise((resolve) => setTimeout(resolve, 60)))
          .then(() => send(`${url}assets/app-1.css`))
          .then((reply) => order.push(`style sheet ${reply.status}`))
          .then(() => new Promise((resolve) => setTimeout(resolve, 200)))
          .then(() => send(`${url}assets/font-1.woff2`))
          .then((reply) => order.push(`late font ${reply.status}`)),
    });
    running.push(web);
    expect(order.filter((line) => / 200$|kiosk.opened/.test(line))).toEqual([
      'page 200',
      'style sheet 200',
      'late font 200',
      'kiosk.opened',
    ]);
    // No page asked for (a browser still starting): the services open on their own, soon.
    const quiet = tempDir();
    const alone = await runWebHost(
      parseSiteConfig({ port: 0 }, 'test', join(quiet, 'data')),
      { renderer: rendererDir, bundledPack: null },
      createFileLogger(join(quiet, 'logs')),
      undefined,
      undefined,
      { afterFirstPage: true },
    );
    running.push(alone);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(JSON.parse((await send(`${alone.host.url}api/health`)).body)).toMatchObject({ stateDb: { status: 'ok' } });
  });

  it('serves the API to its own page', async () => {
    const { origin } = await start();
    const reply = await call(origin, 'settings.public', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { siteName: 'Bibliothèque test', defaultLocale: 'fr' } });
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('has no official-site pane: it offers no origin to open, and refuses to open one', async () => {
    const { origin } = await start();
    expect(JSON.parse((await call(origin, 'settings.public', {})).body)).toMatchObject({ ok: true, value: { officialOrigins: [] } });
    const open = await call(origin, 'kiosk.officialOpen', {
      url: 'https://www.ameli.fr/',
      bounds: { x: 0, y: 0, width: 500, height: 500 },
    });
    expect(JSON.parse(open.body)).toEqual({ ok: false, error: 'official.unavailable' });
    // Nor its own print flow: the page prints itself (Chromium's --kiosk-printing).
    expect(JSON.parse((await call(origin, 'kiosk.print', {})).body)).toEqual({ ok: false, error: 'print.unavailable' });
  });

  it('refuses calls from another origin, without an origin, or naming another host', async () => {
    const { origin, host } = await start();
    expect((await call(origin, 'settings.public', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (await send(`${origin}/api/call/settings.public`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }))
        .status,
    ).toBe(403);
    expect((await call(origin, 'settings.public', {}, { Host: `rebind.example:${host.port}` })).status).toBe(421);
    expect(
      (
        await send(`${origin}/api/call/settings.public`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
  });

  it('answers bad input with a typed error and keeps serving', async () => {
    const { origin } = await start();
    expect(JSON.parse((await call(origin, 'no.such.call', {})).body)).toEqual({ ok: false, error: 'api.unknownMethod' });
    const broken = await send(`${origin}/api/call/settings.public`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: '{"oops',
    });
    expect(JSON.parse(broken.body)).toEqual({ ok: false, error: 'api.invalidInput' });
    const huge = await call(origin, 'settings.public', { padding: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect((await call(origin, 'settings.public', {})).status).toBe(200);
  });

  it('sends the security headers on every answer', async () => {
    const { origin } = await start();
    for (const reply of [await send(`${origin}/`), await call(origin, 'settings.public', {}), await send(`${origin}/nothing.js`)]) {
      expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['permissions-policy']).toContain('camera=()');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves the renderer, and nothing outside its folder', async () => {
    const { origin } = await start();
    expect((await send(`${origin}/`)).body).toContain('<title>kiosk</title>');
    const asset = await send(`${origin}/assets/app-1234.js`);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await send(`${origin}${path}`);
      expect(reply.body, path).not.toContain('outside the renderer');
    }
  });

  it('serves a file as it is now once it was rewritten (an update keeps the loader’s name), even at the same size', async () => {
    const { origin, dir } = await start();
    const loader = join(dir, 'renderer', 'app-loader.js');
    writeFileSync(loader, 'first();');
    expect((await send(`${origin}/app-loader.js`)).body).toBe('first();');
    writeFileSync(loader, 'second_longer();');
    expect((await send(`${origin}/app-loader.js`)).body).toBe('second_longer();');
    // Same size, another date: what an update copying files over would leave.
    writeFileSync(loader, 'third__longer();');
    const later = new Date(Date.now() + 60_000);
    utimesSync(loader, later, later);
    const reply = await send(`${origin}/app-loader.js`);
    expect(reply.body).toBe('third__longer();');
    expect(reply.headers['cache-control']).toBe('no-cache');
  });

  it('writes the public settings into the page, the same as the API gives, closing no element early', async () => {
    const { origin } = await start();
    for (const path of ['/', '/index.html', '/any/screen']) {
      const page = await send(`${origin}${path}`);
      const json = /<script type="application\/json" id="passerelle-settings">(.*?)<\/script>/.exec(page.body)?.[1];
      expect(json, path).toBeDefined();
      expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.body));
      const settings = (await call(origin, 'settings.public', {})).body;
      expect(JSON.parse(json ?? 'null')).toEqual(JSON.parse(settings).value);
      expect(json).toContain('Biblioth');
    }
  });

  it('reports its health for monitoring', async () => {
    const { origin } = await start();
    const health = JSON.parse((await send(`${origin}/api/health`)).body);
    expect(health).toMatchObject({ app: 'passerelle-sante', host: 'web', stateDb: { status: 'ok' }, contentPack: null });
    expect(typeof health.version).toBe('string');
  });

  it('never logs request bodies or query strings', async () => {
    const { origin, log } = await start();
    const refused = await call(origin, 'kiosk.reportRendererProblem', { kind: 'render-error', screen: 'canary-body-9f3k' });
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'api.invalidInput', field: 'screen' });
    await send(`${origin}/?q=canary-query-7h2m`);
    const text = readFileSync(log.file, 'utf8');
    // No line per request at all (tests/unit/visit-traces.test.ts holds the rest).
    expect(text).not.toContain('"event":"http.request"');
    expect(text).not.toContain('canary-body-9f3k');
    expect(text).not.toContain('canary-query-7h2m');
  });
});
