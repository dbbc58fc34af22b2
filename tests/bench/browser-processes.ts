// The processes under a process (Linux's /proc), for the tests and the bench: the bench stops when its own Chromium is
// not the kiosk's (a renderer for browser UI that the kiosk's app window never starts, busy beside the measured page).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Every process started under `pid`, its children's children included, with its command line; null without /proc. */
export function descendants(pid: number): { readonly pid: number; readonly cmdline: string }[] | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the second field after the program's name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Ended meanwhile.
    }
  }
  const isUnder = (child: number): boolean => {
    for (let at = parentOf.get(child); at !== undefined && at > 1; at = parentOf.get(at)) if (at === pid) return true;
    return false;
  };
  return [...parentOf.keys()].filter(isUnder).flatMap((child) => {
    try {
      return [{ pid: child, cmdline: readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ').trim() }];
    } catch {
      return [];
    }
  });
}

/**
 * Renderers that Chromium starts for its own interface (`--top-chrome-webui`: the address bar's suggestion popup of an
 * ordinary window), among the processes under this one; null where they cannot be read.
 */
export function browserInterfaceRenderers(pid = process.pid): string[] | null {
  const found = descendants(pid);
  return (
    found &&
    found
      .map((process) => process.cmdline)
      .filter((command) => command.includes('--type=renderer') && command.includes('--top-chrome-webui'))
  );
}
