// Opens the kiosk's services and serves them with the built renderer over HTTP.
import { createDispatch } from '../../app/dispatch';
import type { SiteConfig } from '../../core/config';
import type { Logger } from '../../core/log';
import { openKiosk } from '../../app/open-kiosk';
import { webHostPort, type OfficialWindows } from '../../app/host-port';
import { appVersion } from '../../core/version';
import { readBrowserPolicy } from './browser-policy';
import { startWebHost } from './server';
import { publicSettingsOf } from '../../kiosk/settings';

export async function runWebHost(
  config: SiteConfig,
  dirs: { renderer: string; bundledPack: string | null; browserPolicyFile?: string | null },
  log: Logger,
  closeKiosk?: () => void,
  /** Set by the launcher when its supervised browser may open the configured official origins. */
  officialWindows?: OfficialWindows,
) {
  const port = webHostPort(closeKiosk, officialWindows);
  const kiosk = openKiosk({
    config,
    host: port,
    version: appVersion,
    log,
    bundledPackDir: dirs.bundledPack,
  });
  const policyFile = dirs.browserPolicyFile;
  try {
    const host = await startWebHost({
      dispatch: createDispatch(kiosk.handlers, log, kiosk.sessions),
      // The browser-kiosk's managed policies, read again at each health check (the IT person may install them later).
      status: policyFile ? () => ({ ...kiosk.status(), browserPolicy: readBrowserPolicy(policyFile) }) : kiosk.status,
      rendererDir: dirs.renderer,
      // The same settings the API gives, written into the page (no round trip before the first screen).
      settings: publicSettingsOf(config, port),
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
