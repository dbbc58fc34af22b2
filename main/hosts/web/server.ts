// The web host: the kiosk's API and built renderer over HTTP, on 127.0.0.1 only. It writes no line per request
// (the rhythm of calls and the files fetched would tell what a visitor typed and read): errors, and counts once an
// hour.
import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, PayloadOf } from '../../../common/api/contract';
import { httpEventsPath, httpHealthPath, httpRoutePrefix, isHttpCall } from '../../../common/api/routes';
import type { Dispatch } from '../../app/dispatch';
import type { KioskStatus, PublicSettings } from '../../../common/api/types';
import { pagePolicy } from '../common/csp';
import { endOfVisitClearSiteData, securityHeaders } from '../common/http-headers';
import type { Logger } from '../../core/log';
import { checkRequestOrigin } from './request-origin';
import { fileCacheControl, fileStamp, resolveStaticFile, sameStamp, servedFile, type FileStamp } from '../common/renderer-files';
import { homePageHtml } from '../common/home-page';
import { takeHandover } from '../common/first-page';
import { sendJson } from '../common/json-answer';

/** What the API and the health check answer with, once the kiosk's services are open. */
export interface WebHostServices {
  readonly dispatch: Dispatch;
  readonly status: () => KioskStatus;
  /** Whether this is one of the API's methods (an error line names only those). */
  readonly isMethod: (method: string) => boolean;
  /** Whether a successful call of this method ends the visit (the browser is then told to forget the origin's data). */
  readonly endsVisit: (method: string) => boolean;
}

export type RequestKind = 'page' | 'file' | 'file-sent' | 'call';

export interface WebHostOptions {
  /**
   * The host listens before the services are open: the page and its files are served at once, and a call that comes
   * before the services waits for them (a promise that rejects answers 503 to the calls that waited).
   */
  readonly services: Promise<WebHostServices>;
  /**
   * Told of each request as it comes — the page itself, one of its files, or a call (the API, its events, the health
   * check) — and of each file once answered.
   */
  readonly onRequest?: (kind: RequestKind) => void;
  readonly rendererDir: string;
  /** Written into the page, so the renderer's first screen waits for no call. */
  readonly settings?: PublicSettings;
  readonly port: number;
  readonly log: Logger;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  /** Whether the first stage was listening already (and said so). */
  readonly fromFirstStage: boolean;
  /** The home page as this host sends it, with its headers: kept for the next start's first stage. */
  firstAnswers(): { page: string; pageHeaders: Record<string, string>; headers: Record<string, string> } | null;
  broadcast<N extends EventName>(name: N, payload: PayloadOf<N>): void;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;
/** Event-stream connections held open at once: the kiosk page needs one; more are refused. */
export const maxEventStreams = 8;
const countsEveryMs = 3_600_000;
const loopback = '127.0.0.1';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { log } = options;
  const listeners = new Set<ServerResponse>();
  let port = options.port;

  const counts = { requests: 0, refused: 0, failed: 0, eventStreamsRefused: 0 };
  const logCounts = () => {
    if (counts.requests > 0) log.info('http.counts', { ...counts });
    Object.assign(counts, { requests: 0, refused: 0, failed: 0, eventStreamsRefused: 0 });
  };
  const countsTimer = setInterval(logCounts, countsEveryMs);
  countsTimer.unref();

  // On a start answered from the kept first page, the first stage's server is already listening: the host takes it.
  const handover = takeHandover();
  const server = handover?.server ?? createServer();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    counts.requests += 1;
    res.on('finish', () => {
      if (res.statusCode >= 500) counts.failed += 1;
      else if (res.statusCode >= 400) counts.refused += 1;
    });
    for (const [name, value] of Object.entries(securityHeaders())) res.setHeader(name, value);
    handle(req, res, path).catch(async () => {
      log.error('http.failed', { route: routeName(path, await opened) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'api.internal' });
      else res.destroy();
    });
  };
  server.on('request', onRequest);

  // Kept from the start: a rejected promise nobody awaited yet would count as an uncaught error.
  const opened = options.services.then(
    (services) => services,
    () => null,
  );
  const servicesOrNull = () => opened;

  const pageEntry = resolveStaticFile(options.rendererDir, '/');
  const pageFile = pageEntry?.file;
  // The page's policy, worked out again only when the page changes (homePageHtml gives the same text until a rebuild).
  let keptPolicy = { page: '', policy: '' };
  const policyOf = (page: string): string => {
    if (keptPolicy.page !== page) keptPolicy = { page, policy: pagePolicy(page) };
    return keptPolicy.policy;
  };
  const assetsInMemory = keptAssets();
  const pageHeadersOf = (page: string, contentType: string): Record<string, string> => ({
    'Content-Type': contentType,
    'Cache-Control': 'no-cache',
    // The built home page carries its style sheet and its app loader: allowed by their hashes, for this page only.
    'Content-Security-Policy': policyOf(page),
  });

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const call = isHttpCall(path);
    const document = !call && servedFile(path) === '/';
    options.onRequest?.(call ? 'call' : document ? 'page' : 'file');
    if (!call && !document) res.once('close', () => options.onRequest?.('file-sent'));
    const origin = checkRequestOrigin(req.headers, port);
    if (!origin.hostAllowed) return sendJson(res, 421, { ok: false, error: 'http.wrongHost' });

    if (path === httpHealthPath && req.method === 'GET') {
      const services = await servicesOrNull();
      return services ? sendJson(res, 200, services.status()) : sendJson(res, 503, { ok: false, error: 'http.starting' });
    }

    if (path === httpEventsPath && req.method === 'GET') {
      if (!origin.sameSite) return sendJson(res, 403, { ok: false, error: 'http.forbiddenOrigin' });
      if (listeners.size >= maxEventStreams) {
        counts.eventStreamsRefused += 1;
        return sendJson(res, 503, { ok: false, error: 'http.busy' });
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }

    if (path.startsWith(httpRoutePrefix)) {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: 'http.methodNotAllowed' });
      if (!origin.originAllowed) return sendJson(res, 403, { ok: false, error: 'http.forbiddenOrigin' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: 'http.jsonRequired' });
      }
      const body = await readBody(req);
      if (body === 'too-large') return sendJson(res, 413, { ok: false, error: 'http.tooLarge' });
      let args: unknown;
      try {
        args = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, { ok: false, error: 'api.invalidInput' });
      }
      const method = path.slice(httpRoutePrefix.length);
      const services = await servicesOrNull();
      if (!services) return sendJson(res, 503, { ok: false, error: 'http.starting' });
      const result = await services.dispatch(method, args);
      // The end of a visit: the browser forgets everything this origin stored (storage, caches, cookies).
      if (services.endsVisit(method) && result.ok) res.setHeader('Clear-Site-Data', endOfVisitClearSiteData);
      return sendJson(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: 'http.methodNotAllowed' });
    const file = resolveStaticFile(options.rendererDir, servedFile(path));
    const stamp = file ? fileStamp(file.file) : null;
    if (!file || stamp === null) return sendJson(res, 404, { ok: false, error: 'http.notFound' });
    const { size } = stamp;
    const page = options.settings && file.file === pageFile ? homePageHtml(options.rendererDir, options.settings) : null;
    if (page !== null) {
      res.writeHead(200, { ...pageHeadersOf(page, file.contentType), 'Content-Length': Buffer.byteLength(page) });
      return void res.end(req.method === 'HEAD' ? undefined : page);
    }
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': size,
      'Cache-Control': fileCacheControl(file),
    });
    if (req.method === 'HEAD') return void res.end();
    // Kept in memory once read, a file is answered in the same turn, with no trip to the disk's thread pool: at start
    // (a fresh host's first read from a stream started that pool, 6 ms more for the page's loader) and after each wipe,
    // when the browser's cache is empty.
    const kept = assetsInMemory.get(file.file, stamp);
    if (kept) return void res.end(kept);
    createReadStream(file.file).pipe(res);
  }

  if (!handover) {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port, loopback, () => resolveListen());
    });
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://${loopback}:${port}/`;
  log.info('web.started', { port });
  // What the first stage left: answered now, in the order they came.
  for (const [req, res] of handover?.waiting ?? []) onRequest(req, res);

  return {
    url,
    port,
    fromFirstStage: handover !== null,
    firstAnswers() {
      const page = options.settings && pageEntry ? homePageHtml(options.rendererDir, options.settings) : null;
      if (page === null || !pageEntry) return null;
      return { page, pageHeaders: pageHeadersOf(page, pageEntry.contentType), headers: securityHeaders() };
    },
    broadcast(name, payload) {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of listeners) res.write(frame);
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        clearInterval(countsTimer);
        logCounts();
        for (const res of listeners) res.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolveBody('too-large');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > maxBodyBytes ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The renderer's files read once and kept, up to a few megabytes in all (the accessibility checker's chunk is read
 * each time), each with the date and size it had: a file rewritten since (an update of the app, a file of the folder
 * whose name carries no hash) is read again.
 */
function keptAssets(): { get(file: string, stamp: FileStamp): Buffer | null } {
  const maxFileBytes = 256 * 1024;
  const maxTotalBytes = 4 * 1024 * 1024;
  const kept = new Map<string, { readonly bytes: Buffer; readonly stamp: FileStamp }>();
  let total = 0;
  return {
    get(file, stamp) {
      const known = kept.get(file);
      if (known && sameStamp(known.stamp, stamp)) return known.bytes;
      if (known) {
        kept.delete(file);
        total -= known.bytes.length;
      }
      const { size } = stamp;
      if (size > maxFileBytes || total + size > maxTotalBytes) return null;
      const bytes = readFileSync(file);
      if (bytes.length !== size) return null;
      kept.set(file, { bytes, stamp });
      total += size;
      return bytes;
    },
  };
}

/** What an error line names: one of the API's own method names, or a fixed word; never a path a client chose. */
function routeName(path: string, services: WebHostServices | null): string {
  if (path.startsWith(httpRoutePrefix)) {
    const method = path.slice(httpRoutePrefix.length);
    return services?.isMethod(method) ? method : 'api';
  }
  return path === httpHealthPath ? 'health' : path === httpEventsPath ? 'events' : 'other';
}
