// The options of the kiosk window: isolation, sandbox and no Node in the page, devtools only outside kiosk mode.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface KioskWindowSettings {
  readonly kiosk: boolean;
  readonly preloadPath: string;
  /** The session partition holding a visitor's storage; wiped at the end of every visit. */
  readonly partition: string;
}

export const visitorPartition = 'visitor';

export function kioskWindowOptions(settings: KioskWindowSettings): BrowserWindowConstructorOptions {
  return {
    kiosk: settings.kiosk,
    fullscreen: settings.kiosk,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Passerelle Santé',
    webPreferences: {
      preload: settings.preloadPath,
      partition: settings.partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !settings.kiosk,
      disableDialogs: settings.kiosk,
    },
  };
}

export type RendererTrouble =
  | 'crashed'
  | 'killed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'unresponsive'
  | 'clean-exit'
  | 'abnormal-exit'
  | 'memory-eviction';

/** What to do when the page dies or hangs: a clean home screen, unless it simply closed with the app. */
export function recoveryAction(trouble: RendererTrouble): 'reload-home' | 'none' {
  return trouble === 'clean-exit' ? 'none' : 'reload-home';
}
