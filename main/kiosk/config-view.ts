// The admin's view of the configuration the kiosk runs with: every field after defaults and flags, and where it came from.
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { effectiveConfigOf } from '../../common/config/config-fields';
import type { EffectiveConfig } from '../../common/config/site-config';
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

export function effectiveConfig(config: SiteConfig): EffectiveConfig {
  return effectiveConfigOf(config, {
    configFile: config.configFile ?? null,
    contentKeyFingerprint: keyFingerprint(config.contentPublicKey),
  });
}
