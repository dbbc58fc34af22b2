// What the renderer may know of the site configuration.
import type { Handlers } from '../../common/api/contract';
import { ok } from '../../common/api/result';
import type { HostKind, PublicSettings } from '../../common/api/types';
import type { SiteConfig } from '../core/config';

/** `officialWindows`: the browser-kiosk's supervisor keeps a second window on the allowlisted origins (issue 15). */
export function publicSettingsOf(config: SiteConfig, host: HostKind = 'web', officialWindows = false): PublicSettings {
  const opensOfficial = host === 'electron' || officialWindows;
  return {
    siteName: config.siteName,
    siteType: config.siteType,
    locales: config.locales,
    defaultLocale: config.defaultLocale,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    assistedMode: config.assistedMode,
    printing: config.printing,
    helpPlaces: config.helpPlaces,
    officialOrigins: opensOfficial ? config.allowedOrigins.map((origin) => new URL(origin).origin) : [],
    ...(host === 'web' && officialWindows && config.allowedOrigins.length > 0 ? { officialWindow: true } : {}),
    officialDomains: config.officialDomains,
  };
}

export function createSettingsService(config: SiteConfig, host: HostKind = 'web', officialWindows = false) {
  const settings = publicSettingsOf(config, host, officialWindows);
  const handlers = {
    'settings.public': () => ok(settings),
  } satisfies Pick<Handlers, 'settings.public'>;
  return { handlers };
}
