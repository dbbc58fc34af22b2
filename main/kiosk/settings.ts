// What the renderer may know of the site configuration.
import type { Handlers } from '../../common/api/contract';
import { ok } from '../../common/api/result';
import type { HostKind, PublicSettings } from '../../common/api/types';
import type { SiteConfig } from '../core/config';

export function publicSettingsOf(config: SiteConfig, host: HostKind = 'web'): PublicSettings {
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
    officialOrigins: host === 'electron' ? config.allowedOrigins.map((origin) => new URL(origin).origin) : [],
    officialDomains: config.officialDomains,
  };
}

export function createSettingsService(config: SiteConfig, host: HostKind = 'web') {
  const settings = publicSettingsOf(config, host);
  const handlers = {
    'settings.public': () => ok(settings),
  } satisfies Pick<Handlers, 'settings.public'>;
  return { handlers };
}
