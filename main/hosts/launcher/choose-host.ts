// Chooses how the kiosk runs: in Electron when it can, else the web host with the system's Chromium.

export type HostChoice = 'auto' | 'electron' | 'web';

export interface HostEnvironment {
  /** Path of the Electron binary, when one is installed. */
  readonly electronBinary: string | null;
  /** Path of a better-sqlite3 build for Electron's ABI, when one exists. */
  readonly electronSqliteBinding: string | null;
}

export type HostDecision =
  { readonly host: 'electron'; readonly binary: string; readonly sqliteBinding: string } | { readonly host: 'web'; readonly why: string };

export function chooseHost(choice: HostChoice, env: HostEnvironment): HostDecision {
  if (choice === 'web') return { host: 'web', why: 'the web host was asked for' };
  if (!env.electronBinary) {
    return { host: 'web', why: 'no Electron binary is installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or its download failed)' };
  }
  if (!env.electronSqliteBinding) {
    return { host: 'web', why: 'better-sqlite3 is not built for Electron yet: run `npm run electron:rebuild` (needs internet)' };
  }
  return { host: 'electron', binary: env.electronBinary, sqliteBinding: env.electronSqliteBinding };
}
