// Finds the system's Chromium and builds the flags (and the profile's first preferences) that run it as a locked-down
// kiosk browser.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const candidates: Record<string, readonly string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
};

/** The browser named in PASSERELLE_CHROMIUM (only that one: a wrong value is reported, not passed over), else the first installed one. */
export function findChromium(
  platform = process.platform,
  exists: (path: string) => boolean = existsSync,
  env = process.env,
): string | null {
  if (env.PASSERELLE_CHROMIUM) return exists(env.PASSERELLE_CHROMIUM) ? env.PASSERELLE_CHROMIUM : null;
  return (candidates[platform] ?? []).find((path) => exists(path)) ?? null;
}

/** What to do when findChromium() found nothing: which package to install, or which variable to fix. */
export function chromiumMissingMessage(platform = process.platform, env = process.env): string {
  if (env.PASSERELLE_CHROMIUM) {
    return `PASSERELLE_CHROMIUM is set to ${env.PASSERELLE_CHROMIUM}, which does not exist: set it to the browser's program file, or unset it to use the installed Chromium.`;
  }
  const install =
    platform === 'linux'
      ? 'install Chromium (on Debian or Ubuntu: apt-get install chromium)'
      : platform === 'win32'
        ? 'install Chrome or Edge'
        : 'install Chromium or Chrome';
  return `No Chromium, Chrome or Edge was found: ${install}, or set PASSERELLE_CHROMIUM to the browser's program file.`;
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
    // Translation: the feature flag works up to Chromium 137 only (156 ignores it); the profile preference below and
    // the managed policy TranslateEnabled=false are what current Chromium honours. One --disable-features only:
    // Chromium keeps the last one it is given.
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
 * Writes the first preferences of a fresh kiosk profile, before the browser starts: translation off (no "Translate this
 * page?" bubble over the kiosk, whatever the machine's language), no offer to save passwords. The off-the-record
 * window inherits them.
 */
/**
 * Preferences written into each fresh profile before the browser starts: some of the locks of the managed policies
 * (docs/deploy.md), for a machine where nobody installed them: no file dialog (Ctrl+S, Ctrl+O), no download, no guest
 * or new person, no translation bubble (no command-line flag turns it off on current Chromium), no password saving.
 * Not the developer tools: refusing them would refuse the launcher's debugging pipe too.
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
      credentials_enable_service: false,
      browser: { show_home_button: false },
    }),
  };
}

/** Writes the kiosk preferences into a new profile folder. */
export function seedKioskProfile(profileDir: string): void {
  for (const [file, content] of Object.entries(kioskProfilePreferences())) {
    mkdirSync(dirname(join(profileDir, file)), { recursive: true });
    writeFileSync(join(profileDir, file), content);
  }
}
