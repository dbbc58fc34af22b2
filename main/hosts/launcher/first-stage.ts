// The web host's first stage (start.cjs), on a start whose inputs are those of the kept first page
// (common/first-page.ts): it listens, answers the home page and the renderer's files as the host would, and loads the
// host's code only once the page's first burst is over, or at once for anything else (a call of the API, the health
// check, a request it does not serve). The host then takes its server and the requests it left, and answers them.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isHttpCall } from '../../../common/api/routes';
import { handOver, type FirstPage } from '../common/first-page';
import { sendJson } from '../common/json-answer';
import { fileCacheControl, resolveStaticFile, servedFile } from '../common/renderer-files';
import { firstPageWaitMs, quietMs } from '../common/start-timing';
import { checkRequestOrigin } from '../web/request-origin';

/**
 * Answers from `kept` and the built renderer in `rendererDir`, then runs `loadHost` (the host's code) once it has
 * done its part, or at once if it cannot listen.
 */
export function startFirstStage(kept: FirstPage, rendererDir: string, loadHost: () => void): void {
  const server = createServer();
  const waiting: [IncomingMessage, ServerResponse][] = [];
  const files = new Map<string, Buffer>();
  const page = Buffer.from(kept.page);
  let port = 0;
  let handedOver = false;
  let timer: NodeJS.Timeout | undefined;

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  /** Leaves the rest to the host: with the listening server, or (`listening` false) without. */
  const leave = (listening: boolean) => {
    if (handedOver) return;
    handedOver = true;
    clearTimeout(timer);
    server.removeListener('request', answer);
    process.removeListener('SIGTERM', stop);
    process.removeListener('SIGINT', stop);
    if (listening) handOver({ server, url: `http://127.0.0.1:${port}/`, waiting });
    loadHost();
  };
  const hand = () => leave(true);
  const handLater = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(hand, ms);
  };

  /** The page or one of its files, exactly as the host sends them; null for anything the host must answer. */
  function served(req: IncomingMessage): { headers: Record<string, string>; body: Buffer } | 'not-found' | null {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !checkRequestOrigin(req.headers, port).hostAllowed) return null;
    const asked = (req.url ?? '/').split('?')[0] ?? '/';
    if (isHttpCall(asked)) return null;
    const path = servedFile(asked);
    if (path === '/') return { headers: { ...kept.headers, ...kept.pageHeaders }, body: page };
    const file = resolveStaticFile(rendererDir, path);
    let body = file ? files.get(file.file) : undefined;
    if (file && !body) {
      try {
        body = readFileSync(file.file);
        files.set(file.file, body);
      } catch {
        body = undefined;
      }
    }
    // No such file (the browser's own request for /favicon.ico): the host's answer, without waking the host for it.
    if (!file || !body) return 'not-found';
    return { headers: { ...kept.headers, 'Content-Type': file.contentType, 'Cache-Control': fileCacheControl(file) }, body };
  }

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const found = served(req);
    if (!found) {
      waiting.push([req, res]);
      setImmediate(hand);
      return;
    }
    clearTimeout(timer);
    if (found === 'not-found') {
      for (const [name, value] of Object.entries(kept.headers)) res.setHeader(name, value);
      sendJson(res, 404, { ok: false, error: 'http.notFound' });
    } else {
      res.writeHead(200, { ...found.headers, 'Content-Length': found.body.length });
      res.end(req.method === 'HEAD' ? undefined : found.body);
    }
    // As the host opens its services: once the page's files are all sent and nothing more is asked for.
    res.once('close', () => handLater(quietMs));
  }

  server.on('request', answer);
  // Not listening (the port is taken): the host starts as without a kept page, and says why itself.
  server.once('error', () => leave(false));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.listen(kept.port, '127.0.0.1', () => {
    port = (server.address() as AddressInfo).port;
    process.stdout.write(`Passerelle Santé is running at http://127.0.0.1:${port}/\n`);
    // No page asked for yet: a browser still starting, or none. The host loads meanwhile.
    handLater(firstPageWaitMs);
  });
}
