// Opens the kiosk's services and serves them with the built renderer over HTTP.
import { createDispatch } from '../api/dispatch';
import type { SiteConfig } from '../config';
import type { Logger } from '../log';
import { openKiosk } from '../services/open-kiosk';
import { appVersion } from '../version';
import { readBrowserPolicy } from './browser-policy';
import { startWebHost } from './server';

export async function runWebHost(
  config: SiteConfig,
  dirs: { renderer: string; bundledPack: string | null; browserPolicyFile?: string | null },
  log: Logger,
  closeKiosk?: () => void,
) {
  const kiosk = openKiosk({
    config,
    host: 'web',
    version: appVersion,
    log,
    bundledPackDir: dirs.bundledPack,
    ...(closeKiosk ? { closeKiosk } : {}),
  });
  const policyFile = dirs.browserPolicyFile;
  try {
    const host = await startWebHost({
      dispatch: createDispatch(kiosk.handlers, log),
      // The browser-kiosk's managed policies, read again at each health check (the IT person may install them later).
      status: policyFile ? () => ({ ...kiosk.status(), browserPolicy: readBrowserPolicy(policyFile) }) : kiosk.status,
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
