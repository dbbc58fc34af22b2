// The admin's view of the configuration the kiosk runs with: every field after defaults and flags, and where it came from.
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Handlers } from '../../common/api/contract';
import { ok } from '../../common/api/result';
import type { EffectiveConfig } from '../../common/api/types';
import type { SiteConfig } from '../core/config';

/** A short fingerprint of the content signing key, to compare with the one the publisher announces. */
function keyFingerprint(file: string | undefined): string | null {
  if (file === undefined) return null;
  try {
    const der = createPublicKey(readFileSync(file, 'utf8')).export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(der).digest('hex').slice(0, 16);
  } catch {
    return null;
  }
}

export function effectiveConfigOf(config: SiteConfig): EffectiveConfig {
  return {
    configFile: config.configFile ?? null,
    siteName: config.siteName,
    siteType: config.siteType,
    siteAddress: config.siteAddress ?? null,
    siteCity: config.siteCity ?? null,
    sitePostcode: config.sitePostcode ?? null,
    siteInsee: config.siteInsee ?? null,
    locales: config.locales,
    defaultLocale: config.defaultLocale,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    kiosk: config.kiosk,
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    contentPublicKey: config.contentPublicKey ?? null,
    contentKeyFingerprint: keyFingerprint(config.contentPublicKey),
    contentUpdate: config.contentUpdate ?? null,
    assistedMode: config.assistedMode,
    printing: config.printing,
    headsetJack: config.headsetJack,
    allowedOrigins: config.allowedOrigins,
    retentionDays: config.retentionDays,
    ticketDays: config.ticketDays,
    helpPlaces: config.helpPlaces,
    officialDomains: config.officialDomains,
    journalSigning: config.journalSigning,
    allowUnsignedPacks: config.allowUnsignedPacks,
  };
}

export function createConfigView(config: SiteConfig) {
  const view = effectiveConfigOf(config);
  const handlers = {
    'admin.config': () => ok(view),
  } satisfies Pick<Handlers, 'admin.config'>;
  return { handlers };
}
