// The packs this kiosk has already checked row by row, by the SHA-256 of their file: the next start opens the same file
// without reading every row again (about a third of the host's start). The file's hash is taken at every open, so a
// pack changed by one byte is a new file and is checked in full; a lost or unreadable list only costs a full check.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CheckedPacks {
  has(sha256: string): boolean;
  add(sha256: string): void;
}

/** How many checksums are kept: the packs a kiosk can serve (installed, previous, shipped) and a few before them. */
const kept = 8;

export function checkedPacksIn(dataDir: string): CheckedPacks {
  const file = join(dataDir, 'content-checked.json');
  let known: string[] | null = null;
  const load = (): string[] => {
    if (known) return known;
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      known = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x)) : [];
    } catch {
      known = [];
    }
    return known;
  };
  return {
    has: (sha256) => load().includes(sha256),
    add(sha256) {
      const next = [sha256, ...load().filter((x) => x !== sha256)].slice(0, kept);
      known = next;
      try {
        writeFileSync(`${file}.tmp`, JSON.stringify(next));
        renameSync(`${file}.tmp`, file);
      } catch {
        // A list that cannot be written: the next start checks the pack in full, as before.
      }
    },
  };
}
