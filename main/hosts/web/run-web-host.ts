// Opens the kiosk's services and serves them with the built renderer over HTTP.
import { createDispatch } from '../../app/dispatch';
import type { SiteConfig } from '../../core/config';
import type { Logger } from '../../core/log';
import { openKiosk } from '../../app/open-kiosk';
import { webHostPort } from '../../app/host-port';
import { appVersion } from '../../core/version';
import { startWebHost } from './server';

export async function runWebHost(
  config: SiteConfig,
  dirs: { renderer: string; bundledPack: string | null },
  log: Logger,
  closeKiosk?: () => void,
) {
  const kiosk = openKiosk({
    config,
    host: webHostPort(closeKiosk),
    version: appVersion,
    log,
    bundledPackDir: dirs.bundledPack,
  });
  try {
    const host = await startWebHost({
      dispatch: createDispatch(kiosk.handlers, log, kiosk.sessions),
      status: kiosk.status,
      rendererDir: dirs.renderer,
      port: config.port,
      log,
    });
    return {
      host,
      kiosk,
      close: async () => {
        await host.close();
        kiosk.close();
      },
    };
  } catch (error) {
    kiosk.close();
    throw error;
  }
}
