// What a host can do for the kiosk beyond serving the contract: one interface, implemented by the Electron shell
// and by the web host. The composition root builds the host-dependent calls from it, once for both.
import type { Result } from '../../common/api/result';
import type { HostCapabilities, HostKind } from '../../common/api/types';

export interface PaneBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface HostPort {
  readonly kind: HostKind;
  /** Told to the renderer in its settings: it never finds out by trying. */
  readonly capabilities: HostCapabilities;
  /** Wipes what the visitor's browser partitions hold (storage, caches, cookies, clipboard, the official pane). */
  wipeVisit(): Promise<void>;
  /** Prints the page's print view to the default printer without a dialog, where the host can. */
  print(): Promise<Result<{ readonly printed: true }, 'print.unavailable' | 'print.failed'>>;
  /** Opens an allowlisted official page beside the guide, over the renderer's slot. */
  openOfficial(url: string, bounds: PaneBounds): Result<{ readonly opened: true }, 'official.refused' | 'official.unavailable'>;
  closeOfficial(): void;
  /** Closes the kiosk app (the staff exit); absent where the host cannot close itself. */
  readonly closeApp?: () => void;
}

/** The launcher's hold on the official windows of a visit (browser-kiosk mode with an allowlist). */
export interface OfficialWindows {
  /** Closes the official windows the visit opened and wipes what their origins stored. */
  wipe(): Promise<void>;
}

/** What the launcher's supervised browser does for the web host. */
export interface LauncherBrowser {
  /** Set when the supervised browser may open the configured official origins. */
  readonly officialWindows?: OfficialWindows;
  /** Prints the kiosk page's print view to the default printer (main/hosts/launcher/print-page.ts). */
  readonly printer?: { readonly print: HostPort['print']; endVisit(): void };
}

/**
 * The web host: the browser wipes its own storage on the `Clear-Site-Data` answer to the end of a visit (the
 * launcher's supervisor wipes the rest) and it has no pane. The launcher's browser prints the page; a browser the
 * launcher did not start prints by itself (`window.print()`).
 */
export function webHostPort(closeApp?: () => void, officialWindows?: OfficialWindows, printer?: LauncherBrowser['printer']): HostPort {
  return {
    kind: 'web',
    capabilities: {
      silentPrint: printer !== undefined,
      officialPane: false,
      officialWindow: officialWindows !== undefined,
      closeApp: closeApp !== undefined,
    },
    wipeVisit: () => {
      printer?.endVisit();
      return officialWindows ? officialWindows.wipe() : Promise.resolve();
    },
    print: printer?.print ?? (() => Promise.resolve({ ok: false, error: 'print.unavailable' })),
    openOfficial: () => ({ ok: false, error: 'official.unavailable' }),
    closeOfficial: () => undefined,
    ...(closeApp ? { closeApp } : {}),
  };
}
