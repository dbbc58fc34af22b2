// Opens the kiosk's services and serves them with the built renderer over HTTP.
import type { SiteConfig } from '../../core/config';
import type { Logger } from '../../core/log';
import { webHostPort, type LauncherBrowser } from '../../app/host-port';
import { startWebHost, type RequestKind, type WebHostServices } from './server';
import type { openWebServices } from './web-services';
import { publicSettingsOf } from '../../kiosk/settings';
import { firstPageWaitMs, quietMs } from '../common/start-timing';

export interface WebHostStart {
  /**
   * Told the address as soon as the host listens, before the services are open (the page is served from then on);
   * `announced` when the first stage listened, and said so, before the host's code was loaded.
   */
  readonly onListening?: (url: string, announced: boolean) => void;
  /**
   * Opening the services is the host's longest piece of work and holds its one thread: with `afterFirstPage` they open
   * at the first call or health check, or once the page and its files have been sent and nothing more was asked for
   * a second (300 ms after listening when no page is asked for), so the home screen a browser asks for at start is not
   * kept waiting behind them, nor drawn on a processor they hold.
   */
  readonly afterFirstPage?: boolean;
}

/** Resolves when the services should open: at once, or once the page's first burst of requests is over. */
function servicesOpenSignal(afterFirstPage: boolean): {
  ready: Promise<void>;
  onRequest: (kind: RequestKind) => void;
} {
  if (!afterFirstPage) return { ready: Promise.resolve(), onRequest: () => undefined };
  let open: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (open = resolve));
  let timer = setTimeout(open, firstPageWaitMs);
  let done = false;
  return {
    ready: ready.then(() => {
      done = true;
      clearTimeout(timer);
    }),
    onRequest: (kind) => {
      if (done) return;
      clearTimeout(timer);
      if (kind === 'call') open();
      // The browser reads the page before it asks for its files (longer on a busy machine): the services wait for them.
      else if (kind === 'page') timer = setTimeout(open, firstPageWaitMs);
      else if (kind === 'file-sent') timer = setTimeout(open, quietMs);
    },
  };
}

export async function runWebHost(
  config: SiteConfig,
  dirs: { renderer: string; bundledPack: string | null; browserPolicyFile?: string | null },
  log: Logger,
  closeKiosk?: () => void,
  /** Set by the launcher when it supervises the kiosk's browser. */
  browser: LauncherBrowser = {},
  start: WebHostStart = {},
) {
  const port = webHostPort(closeKiosk, browser.officialWindows, browser.printer);
  let opened: (services: WebHostServices) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const services = new Promise<WebHostServices>((resolve, reject) => ((opened = resolve), (failed = reject)));
  const openSignal = servicesOpenSignal(start.afterFirstPage ?? false);
  // Listening first: the home page (built, with the settings written in) needs no service, so the screen is drawn
  // while the state DB, the content pack and the services open; a call made meanwhile waits for them.
  const host = await startWebHost({
    services,
    onRequest: openSignal.onRequest,
    rendererDir: dirs.renderer,
    // The same settings the API gives, written into the page (no round trip before the first screen).
    settings: publicSettingsOf(config, port),
    port: config.port,
    log,
  });
  start.onListening?.(host.url, host.fromFirstStage);
  let opening: ReturnType<typeof openWebServices>;
  try {
    await openSignal.ready;
    // Loaded only now (the bundle keeps it apart, initialised on first use): the API's schemas and the services.
    const { openWebServices } = await import('./web-services');
    opening = openWebServices(config, port, log, dirs);
  } catch (error) {
    failed(error);
    await host.close();
    throw error;
  }
  const { kiosk } = opening;
  opened(opening.services);
  return {
    host,
    kiosk,
    close: async () => {
      await host.close();
      kiosk.close();
    },
  };
}
