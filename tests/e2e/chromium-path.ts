// Where the system's Chromium is (PASSERELLE_CHROMIUM, else the usual Debian path), and how the tests and the bench start it.
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.PASSERELLE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => typeof path === 'string' && existsSync(path));
}

/** No sandbox (containers), no GPU, and nothing running in the background that would disturb a test or a timing. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
