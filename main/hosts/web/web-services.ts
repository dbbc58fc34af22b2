// What the web host serves once the kiosk is open: its services behind the one dispatch, and its status. Loaded by
// run-web-host.ts after the host listens, so that none of this code (the API's schemas, the state DB, the content
// pack, the services) runs before the home page can be served.
import { contract, isMethod } from '../../../common/api/contract';
import { createDispatch } from '../../app/dispatch';
import { openKiosk } from '../../app/open-kiosk';
import type { HostPort } from '../../app/host-port';
import type { SiteConfig } from '../../core/config';
import type { Logger } from '../../core/log';
import { appVersion } from '../../core/version';
import { readBrowserPolicy } from './browser-policy';
import type { WebHostServices } from './server';

export function openWebServices(
  config: SiteConfig,
  port: HostPort,
  log: Logger,
  dirs: { bundledPack: string | null; browserPolicyFile?: string | null },
): { services: WebHostServices; kiosk: ReturnType<typeof openKiosk> } {
  const kiosk = openKiosk({ config, host: port, version: appVersion, log, bundledPackDir: dirs.bundledPack });
  const policyFile = dirs.browserPolicyFile;
  return {
    kiosk,
    services: {
      dispatch: createDispatch(kiosk.handlers, log, kiosk.sessions),
      // The browser-kiosk's managed policies, read again at each health check (the IT person may install them later).
      status: policyFile ? () => ({ ...kiosk.status(), browserPolicy: readBrowserPolicy(policyFile) }) : kiosk.status,
      isMethod,
      endsVisit: (method) => isMethod(method) && contract[method].endsVisit === true,
    },
  };
}
