// What the renderer may know of the site configuration.
import type { HostCapabilities, PublicSettings } from '../../common/api/types';
import type { SiteConfig } from '../core/config';

/** The host's side of the settings: what it can do. */
export interface SettingsHost {
  readonly capabilities: HostCapabilities;
}

export function publicSettingsOf(config: SiteConfig, host: SettingsHost): PublicSettings {
  return {
    siteName: config.siteName,
    siteType: config.siteType,
    locales: config.locales,
    defaultLocale: config.defaultLocale,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    assistedMode: config.assistedMode,
    printing: config.printing,
    headsetJack: config.headsetJack,
    helpPlaces: config.helpPlaces,
    capabilities: host.capabilities,
    officialOrigins:
      host.capabilities.officialPane || host.capabilities.officialWindow
        ? config.allowedOrigins.map((origin) => new URL(origin).origin)
        : [],
    officialDomains: config.officialDomains,
  };
}
