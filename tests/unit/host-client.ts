// A real web host started in this process on a free port (the unit tests' way), and plain HTTP clients to attack it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { parseSiteConfig } from '../../main/core/config';
import { createFileLogger } from '../../main/core/log';
import { runWebHost } from '../../main/hosts/web/run-web-host';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export type StartedHost = Awaited<ReturnType<typeof startTestHost>>;

/** The host over a temporary folder: a tiny renderer, the content fixture as its shipped pack when given. */
export async function startTestHost(dir: string, options: { bundledPack?: string | null; config?: Record<string, unknown> } = {}) {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  const log = createFileLogger(join(dir, 'logs'));
  const dataDir = join(dir, 'data');
  const config = parseSiteConfig({ port: 0, siteName: 'Bibliothèque test', ...options.config }, 'test', dataDir);
  const web = await runWebHost(config, { renderer: rendererDir, bundledPack: options.bundledPack ?? null }, log);
  return { ...web, dir, dataDir, log, origin: web.host.url.replace(/\/$/, '') };
}

export function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An API answer, loosely typed: the tests look at a few fields. */
export interface Answer {
  readonly ok: boolean;
  readonly error?: string;
  readonly value?: Readonly<Record<string, unknown>>;
}

/** One API call as the kiosk's own page makes it; the parsed JSON answer. */
export async function call(origin: string, method: string, body: unknown): Promise<Answer> {
  const reply = await send(`${origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(body),
  });
  return JSON.parse(reply.body) as Answer;
}

/** The one-time setup code the host wrote for the site's IT person, when there is one. */
export function setupCode(dataDir: string): string | undefined {
  const file = join(dataDir, 'admin-setup-code.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** Many API calls pipelined on one keep-alive connection, written at once: the answers' bodies, in order. */
export function pipelined(origin: string, calls: readonly { method: string; body: unknown }[]): Promise<string[]> {
  const { hostname, port } = new URL(origin);
  const raw = calls
    .map(({ method, body }) => {
      const json = JSON.stringify(body);
      return [
        `POST /api/call/${method} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        `Origin: ${origin}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(json)}`,
        'Connection: keep-alive',
        '',
        json,
      ].join('\r\n');
    })
    .join('');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    let received = '';
    const bodies: string[] = [];
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      // Each answer has a Content-Length: cut complete answers off the front.
      for (;;) {
        const head = received.indexOf('\r\n\r\n');
        if (head < 0) break;
        const length = Number(/content-length: (\d+)/i.exec(received.slice(0, head))?.[1] ?? 0);
        if (received.length < head + 4 + length) break;
        bodies.push(received.slice(head + 4, head + 4 + length));
        received = received.slice(head + 4 + length);
      }
      if (bodies.length === calls.length) socket.end();
    });
    socket.on('end', () => resolve(bodies));
    socket.on('error', reject);
  });
}
