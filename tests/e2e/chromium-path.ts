// Where the system's Chromium is: PASSERELLE_CHROMIUM, else the usual Debian path.
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.PASSERELLE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => typeof path === 'string' && existsSync(path));
}
