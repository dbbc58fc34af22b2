// The bench's window on the host's memory. The host the bench starts for its endurance listens for a debugger on a
// local port (Node's inspector, `--inspect`: the bench's host only, never a kiosk's), through which the bench has V8
// collect all it can before it reads the host's resident memory, as it does for the renderer's heap. Read at a random
// moment, that memory says mostly where the garbage collector stands: over 500 visits the old generation went from
// 10 to 14 MB and back, again and again, and the host's memory with it.
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { WebSocket } from 'undici';
import { percentile } from './measure';

/** A port nothing listens on now, for the host's inspector. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });

/** Node's arguments for a host whose inspector listens on `port`, on this machine only. */
export const inspectorArgs = (port: number): string[] => [`--inspect=127.0.0.1:${port}`];

/** Two full garbage collections in the host, through its inspector (V8 gives back what it can to the system). */
export async function collectHostGarbage(port: number): Promise<void> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl?: string }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`the host's inspector on port ${port} lists no target`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`no connection to the host's inspector at ${url}`));
  });
  let lastId = 0;
  const call = (method: string) =>
    new Promise<void>((resolve, reject) => {
      const id = ++lastId;
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; error?: { message: string } };
        if (message.id !== id) return;
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve();
      };
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
  } finally {
    socket.close();
  }
}

/** The host's resident memory (Linux), the median of a few reads a moment apart. */
export async function hostRssBytes(pid: number): Promise<number> {
  const reads: number[] = [];
  for (let read = 0; read < 5; read++) {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    reads.push(Number(kb) * 1024);
    await new Promise((done) => setTimeout(done, 200));
  }
  return percentile(reads, 50);
}
