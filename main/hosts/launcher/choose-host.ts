// Chooses how the kiosk runs: in Electron when it can, else the web host with the system's Chromium (browser-kiosk mode).

export type HostChoice = 'auto' | 'electron' | 'web';

export interface HostEnvironment {
  /** Path of the Electron binary, when one is installed. */
  readonly electronBinary: string | null;
  /** Path of a better-sqlite3 build for Electron's ABI, when one exists. */
  readonly electronSqliteBinding: string | null;
}

export type HostDecision =
  | { readonly host: 'electron'; readonly binary: string; readonly sqliteBinding: string }
  /** `why` says plainly why the browser-kiosk mode runs; `later`, when set, how to get Electron. */
  | { readonly host: 'web'; readonly why: string; readonly later?: string };

export function chooseHost(choice: HostChoice, env: HostEnvironment): HostDecision {
  if (choice === 'web') return { host: 'web', why: 'the web host was asked for' };
  if (!env.electronBinary) {
    return {
      host: 'web',
      why: 'Electron is not installed (its download failed or was skipped at npm install); nothing else is needed for this mode',
      later: 'To use Electron later, on a network that reaches its download site: npm run electron:install, then npm run electron:rebuild.',
    };
  }
  if (!env.electronSqliteBinding) {
    return {
      host: 'web',
      why: 'Electron is installed, but the database module is not built for it yet',
      later: 'To use Electron: npm run electron:rebuild (needs internet).',
    };
  }
  return { host: 'electron', binary: env.electronBinary, sqliteBinding: env.electronSqliteBinding };
}
