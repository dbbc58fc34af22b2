// A Chrome DevTools Protocol connection over the pipe Chromium opens with --remote-debugging-pipe (fd 3 in, fd 4 out).
// Only the process that started the browser holds the pipe: no port that another program on the kiosk could reach.
import type { Readable, Writable } from 'node:stream';

export interface Cdp {
  send<T = unknown>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  on(event: string, handler: (params: Record<string, unknown>, sessionId?: string) => void): void;
  close(): void;
  /** True once the browser closed the pipe (or close() was called). */
  readonly closed: boolean;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

export function connectCdpPipe(toBrowser: Writable, fromBrowser: Readable): Cdp {
  let nextId = 1;
  let buffer = '';
  let closed = false;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const handlers = new Map<string, ((params: Record<string, unknown>, sessionId?: string) => void)[]>();

  const failAll = (why: string) => {
    closed = true;
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  };
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    // Messages are JSON texts, each ended by a NUL character.
    let end = buffer.indexOf('\0');
    while (end !== -1) {
      const text = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\0');
      let message: Message;
      try {
        message = JSON.parse(text) as Message;
      } catch {
        continue;
      }
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result);
      } else if (message.method) {
        for (const handler of handlers.get(message.method) ?? []) handler(message.params ?? {}, message.sessionId);
      }
    }
  });
  fromBrowser.on('close', () => failAll('the browser closed its debugging pipe'));
  toBrowser.on('error', () => failAll('the browser closed its debugging pipe'));

  return {
    send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
      if (closed) return Promise.reject(new Error('the debugging pipe is closed'));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        toBrowser.write(`${JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params })}\0`);
      });
    },
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    close() {
      failAll('closed');
      toBrowser.end();
    },
    get closed() {
      return closed;
    },
  };
}
