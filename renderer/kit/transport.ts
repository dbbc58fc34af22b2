// One client interface over two transports: the Electron preload bridge, or HTTP to the web host.
import type { ApiClient, EventName, PayloadOf } from '../../common/api/contract';
import { bridgeGlobal, type PasserelleBridge } from '../../common/api/bridge';
import { httpEventsPath, httpRoutePrefix } from '../../common/api/routes';

export interface Transport {
  call(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const unreachable = { ok: false, error: 'api.unreachable' } as const;

export function httpTransport(base = ''): Transport {
  return {
    async call(method, input) {
      try {
        const response = await fetch(`${base}${httpRoutePrefix}${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
        return await response.json();
      } catch {
        return unreachable;
      }
    },
    on(event, listener) {
      const source = new EventSource(`${base}${httpEventsPath}`);
      const relay = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
      source.addEventListener(event, relay);
      return () => source.close();
    },
  };
}

export function bridgeTransport(bridge: PasserelleBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input).catch(() => unreachable),
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** The preload's bridge when running inside Electron, else HTTP to the host that served the page. */
export function detectTransport(): Transport {
  const bridge = (window as unknown as Record<string, PasserelleBridge | undefined>)[bridgeGlobal];
  return bridge ? bridgeTransport(bridge) : httpTransport();
}

/** The typed client: every method of the contract, derived from its name, nothing declared twice. */
export function createApiClient(transport: Transport): ApiClient {
  return new Proxy({} as ApiClient, {
    get: (_target, method) => (input: unknown) => transport.call(String(method), input),
  });
}

export function onEvent<N extends EventName>(transport: Transport, name: N, listener: (payload: PayloadOf<N>) => void): () => void {
  return transport.on(name, (payload) => listener(payload as PayloadOf<N>));
}
