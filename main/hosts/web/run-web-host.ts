// Opens the kiosk's services and serves them with the built renderer over HTTP.
import type { SiteConfig } from '../../core/config';
import type { Logger } from '../../core/log';
import { webHostPort, type OfficialWindows } from '../../app/host-port';
import { startWebHost, type WebHostServices } from './server';
import type { openWebServices } from './web-services';
import { publicSettingsOf } from '../../kiosk/settings';

export async function runWebHost(
  config: SiteConfig,
  dirs: { renderer: string; bundledPack: string | null; browserPolicyFile?: string | null },
  log: Logger,
  closeKiosk?: () => void,
  /** Set by the launcher when its supervised browser may open the configured official origins. */
  officialWindows?: OfficialWindows,
  /** Told the address as soon as the host listens, before the services are open (the page is served from then on). */
  onListening?: (url: string) => void,
) {
  const port = webHostPort(closeKiosk, officialWindows);
  let opened: (services: WebHostServices) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const services = new Promise<WebHostServices>((resolve, reject) => ((opened = resolve), (failed = reject)));
  // Listening first: the home page (built, with the settings written in) needs no service, so the screen is drawn
  // while the state DB, the content pack and the services open; a call made meanwhile waits for them.
  const host = await startWebHost({
    services,
    rendererDir: dirs.renderer,
    // The same settings the API gives, written into the page (no round trip before the first screen).
    settings: publicSettingsOf(config, port),
    port: config.port,
    log,
  });
  onListening?.(host.url);
  let opening: ReturnType<typeof openWebServices>;
  try {
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
