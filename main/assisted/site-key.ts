// The key resume tickets are authenticated with. A site shares one: the file `ticket-key` beside the configuration
// file, copied with it to every kiosk of the site (32 random bytes or more, e.g. `head -c 32 /dev/urandom`), so that
// a ticket made on one kiosk resumes on the others with no server. Without that file, the kiosk makes a key of its
// own in its data folder: its tickets then resume on this kiosk only.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../core/config';

export const ticketKeyFileName = 'ticket-key';
const minimumBytes = 32;

export function loadTicketKey(config: { readonly configFile?: string | null; readonly dataDir: string }): {
  readonly key: Buffer;
  readonly shared: boolean;
} {
  if (config.configFile) {
    const file = join(dirname(config.configFile), ticketKeyFileName);
    if (existsSync(file)) {
      const key = readFileSync(file);
      if (key.length < minimumBytes)
        throw new ConfigError(file, [`the site's ticket key must hold at least ${minimumBytes} random bytes (it has ${key.length})`]);
      return { key, shared: true };
    }
  }
  const own = join(config.dataDir, ticketKeyFileName);
  if (!existsSync(own)) writeFileSync(own, randomBytes(minimumBytes), { mode: 0o600, flag: 'wx' });
  return { key: readFileSync(own), shared: false };
}
