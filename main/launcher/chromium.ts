// Finds the system's Chromium and builds the flags that run it as a locked-down kiosk browser.
import { existsSync } from 'node:fs';

const candidates: Record<string, readonly string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
};

export function findChromium(
  platform = process.platform,
  exists: (path: string) => boolean = existsSync,
  env = process.env,
): string | null {
  if (env.PASSERELLE_CHROMIUM && exists(env.PASSERELLE_CHROMIUM)) return env.PASSERELLE_CHROMIUM;
  return (candidates[platform] ?? []).find((path) => exists(path)) ?? null;
}

/**
 * Flags for a kiosk browser: one app window, a throw-away profile, nothing phoning home,
 * no translation or password prompts, no pinch zoom, no error dialogs after a crash.
 */
export function chromiumKioskArgs(url: string, profileDir: string, options: { kiosk: boolean }): string[] {
  return [
    options.kiosk ? '--kiosk' : '--start-maximized',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,PasswordManagerOnboarding,AutofillServerCommunication',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--incognito',
    // Printing goes straight to the default printer: no print dialog a visitor could wander off in.
    '--kiosk-printing',
    '--password-store=basic',
    `--lang=fr`,
  ];
}

/**
 * Preferences written into each fresh profile before the browser starts: some of the locks of the managed policies
 * (docs/deploy.md), for a machine where nobody installed them: no file dialog (Ctrl+S, Ctrl+O), no download, no guest
 * or new person, no translation. Not the developer tools: refusing them would refuse the launcher's debugging pipe too.
 */
export function kioskProfilePreferences(): Record<string, string> {
  return {
    'Local State': JSON.stringify({
      select_file_dialogs: { allowed: false },
      profile: { browser_guest_enabled: false, add_person_enabled: false },
    }),
    'Default/Preferences': JSON.stringify({
      download_restrictions: 3,
      translate: { enabled: false },
      browser: { show_home_button: false },
    }),
  };
}
