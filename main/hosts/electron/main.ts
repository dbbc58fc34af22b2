// The Electron shell: one locked-down kiosk window serving the app from app://, the services over IPC.
import { app, BrowserWindow, clipboard, powerSaveBlocker, protocol, session, WebContentsView, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDispatch } from '../../app/dispatch';
import { guardFatalErrors, readStartup } from '../common/bootstrap';
import { contentSecurityPolicy, pagePolicy } from '../common/csp';
import { createFileLogger, createMemoryLogger, type Logger } from '../../core/log';
import { openKiosk, type OpenedKiosk } from '../../app/open-kiosk';
import type { HostPort, PaneBounds } from '../../app/host-port';
import { publicSettingsOf } from '../../kiosk/settings';
import { queuedPrinter } from '../common/queued-printer';
import { canSubmitPdf } from '../../kiosk/print-queue';
import { homePageHtml } from '../common/home-page';
import { appVersion } from '../../core/version';
import { restartCountVariable } from '../common/self-restart';
import { sendEvent, serveIpc } from './ipc';
import { resolveAppRequest } from './policies/app-protocol';
import { appHomeUrl, appScheme, windowOpenDecision } from './policies/navigation';
import {
  clampPaneBounds,
  isPaneNavigationAllowed,
  isWindowNavigationAllowed,
  officialPaneWebPreferences,
  officialPartition,
  officialUrlDecision,
} from './policies/official-pane';
import { refusedDebugSwitches } from './policies/debug-switches';
import { operationsCommand } from '../../cli/commands';
import { shouldGrantDevice, shouldGrantPermission } from './policies/permissions';
import { isBlockedShortcut } from './policies/shortcuts';
import { kioskWindowOptions, recoveryAction, visitorPartition } from './policies/window';
import { wipeVisitorPartition } from './policies/wipe';

const rendererDir = join(__dirname, '..', 'renderer');
/** The shipped content pack: in resources/ once packaged (extraResources), in dist/ during development. */
const bundledPackDir = () => (app.isPackaged ? join(process.resourcesPath, 'content') : join(__dirname, '..', 'content'));
/** Official origins the site allowlisted for guided browsing (site configuration, `allowedOrigins`). */
let allowedOrigins: readonly string[] = [];
/** The app's page, built home filled in with this site's settings (set once the kiosk is open). */
let homePage: (() => string | null) | null = null;
/** The web contents of official-site panes: the only ones that may show an allowlisted outside origin. */
const paneContents = new WeakSet<WebContents>();

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// A packaged kiosk never starts under a debugger or a remote controller. (Unpackaged, for development and the
// Electron tests, Playwright itself connects through --inspect and --remote-debugging-port.)
const refused = app.isPackaged ? refusedDebugSwitches(process.argv, process.env) : [];
// `passerelle-sante journal-verify …` (and the other operations commands): run on the installed kiosk, then exit.
const args = process.argv.slice(app.isPackaged ? 1 : 2);
const command = operationsCommand(args);
if (command) {
  void Promise.resolve(command(args.slice(1))).then((code) => app.exit(code));
} else if (refused.length > 0) {
  process.stderr.write(`Passerelle Santé refuses to start with: ${refused.join(', ')}.\n`);
  app.exit(2);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  let log: Logger = createMemoryLogger();
  let kiosk: OpenedKiosk;
  let kioskMode: boolean;
  try {
    const { config } = readStartup(process.argv.slice(app.isPackaged ? 1 : 2), (code) => {
      app.exit(code);
      return process.exit(code);
    });
    log = createFileLogger(join(config.dataDir, 'logs'));
    const binding = process.env.PASSERELLE_SQLITE_BINDING;
    // The pane, print and wipe below are ready before the first call reaches the kiosk.
    const host = {
      kind: 'electron',
      capabilities: { silentPrint: true, officialPane: true, officialWindow: false, closeApp: true },
      wipeVisit: () => wipeVisitor(),
      print: () => printSilently(),
      openOfficial: (url: string, bounds: PaneBounds) => openPane(url, bounds),
      closeOfficial: () => closePane(),
      closeApp: () => app.quit(),
    } as const satisfies HostPort;
    // The built home page, as the web host serves it: painted and tappable before the renderer's script runs.
    const settings = publicSettingsOf(config, host);
    homePage = () => homePageHtml(rendererDir, settings);
    kiosk = openKiosk({
      config,
      host,
      version: appVersion,
      log,
      bundledPackDir: bundledPackDir(),
      ...(binding ? { nativeBinding: binding } : {}),
    });
    kioskMode = config.kiosk;
    allowedOrigins = config.allowedOrigins.map((origin) => new URL(origin).origin);
  } catch (error) {
    process.stderr.write(`Passerelle Santé cannot start.\n${String(error)}\n`);
    app.exit(2);
    return;
  }

  // An error nothing caught in the main process: logged without its message, then the app relaunches itself
  // (with a growing delay if it keeps failing) and the visitor's partition starts empty.
  guardFatalErrors({
    log,
    relaunch: (restarts) => {
      process.env[restartCountVariable] = String(restarts);
      app.relaunch();
      app.exit(0);
    },
    exit: (code) => app.exit(code),
  });

  lockDownEveryWebContents(log);
  await app.whenReady();
  const visitorSession = session.fromPartition(visitorPartition);
  const officialSession = session.fromPartition(officialPartition);
  for (const target of [session.defaultSession, visitorSession, officialSession]) {
    target.setPermissionRequestHandler((contents, permission, callback) => callback(shouldGrantPermission(permission, contents.getURL())));
    target.setPermissionCheckHandler((_contents, permission, origin) => shouldGrantPermission(permission, origin));
    target.setDevicePermissionHandler((details) => shouldGrantDevice(details.deviceType));
    target.on('will-download', (event) => event.preventDefault());
    if (target !== officialSession) target.protocol.handle(appScheme, serveAppRequest);
  }

  let window: BrowserWindow | null = null;
  // The official site beside the guide, when the site allowlisted its origin: one pane at most, gone with the visit.
  let pane: WebContentsView | null = null;
  const closePane = () => {
    if (!pane) return;
    window?.contentView.removeChildView(pane);
    pane.webContents.close();
    pane = null;
  };
  // The end of a visit wipes the visitor's partition: web storage, IndexedDB, Cache Storage, cookies, HTTP cache; and the clipboard.
  // The official pane's partition goes too: a visitor's login on the official site must not outlive the visit.
  const wipeVisitor = async () => {
    pdfPrinter?.endVisit();
    closePane();
    await wipeVisitorPartition(officialSession, clipboard).catch(() => log.error('visit.officialWipeIncomplete', {}));
    await wipeVisitorPartition(visitorSession, clipboard);
  };
  const openPane: HostPort['openOfficial'] = (url, bounds) => {
    if (!window) return { ok: false, error: 'official.unavailable' };
    if (officialUrlDecision(url, allowedOrigins) === 'refuse') return { ok: false, error: 'official.refused' };
    const { width, height } = window.getContentBounds();
    const placed = clampPaneBounds(bounds, { width, height });
    if (!placed) return { ok: false, error: 'official.unavailable' };
    if (!pane) {
      pane = new WebContentsView({ webPreferences: officialPaneWebPreferences() });
      paneContents.add(pane.webContents);
      window.contentView.addChildView(pane);
      void pane.webContents.loadURL(url);
      log.info('official.opened', { origin: new URL(url).origin });
    } else if (new URL(pane.webContents.getURL() || url).origin !== new URL(url).origin) {
      void pane.webContents.loadURL(url);
    }
    pane.setBounds(placed);
    return { ok: true, value: { opened: true as const } };
  };
  // The app's own print flow: no dialog a visitor could wander into; the default printer, the print stylesheet. On
  // Linux the window draws its print view into a PDF for the print queue: Electron's silent print goes through GTK's
  // print back end, which loops for ever with the CUPS of Debian 12's 2026 security update (queued-printer.ts).
  const pdfPrinter =
    process.platform === 'linux' && canSubmitPdf()
      ? queuedPrinter(() => {
          if (!window) return Promise.reject(new Error('no window'));
          return window.webContents.printToPDF({ pageSize: 'A4', printBackground: false, preferCSSPageSize: true });
        }, log)
      : null;
  const printSilently: HostPort['print'] =
    pdfPrinter?.print ??
    (() =>
      new Promise((resolve) => {
        if (!window) return resolve({ ok: false, error: 'print.unavailable' });
        window.webContents.print({ silent: true, printBackground: false }, (success, reason) => {
          if (!success) log.warn('print.failed', { reason: reason.slice(0, 80) });
          resolve(success ? { ok: true, value: { printed: true as const } } : { ok: false, error: 'print.failed' });
        });
      }));
  serveIpc(createDispatch(kiosk.handlers, log, kiosk.sessions), () => window?.webContents.id ?? null, log);
  powerSaveBlocker.start('prevent-display-sleep');

  const openWindow = () => {
    window = new BrowserWindow(
      kioskWindowOptions({ kiosk: kioskMode, preloadPath: join(__dirname, 'preload.cjs'), partition: visitorPartition }),
    );
    const contents = window.webContents;
    const reloadHome = (why: string) => {
      log.warn('renderer.recovered', { why });
      // The crashed visit ends as any visit does (accompaniment closed, staff locked, partitions wiped).
      kiosk.endVisit('crash').catch(() => log.error('visit.wipeIncomplete', {}));
      void contents.loadURL(appHomeUrl).then(() => sendEvent(contents, 'kiosk.reset', { reason: 'recovered' }));
    };
    contents.on('render-process-gone', (_event, details) => {
      if (recoveryAction(details.reason) === 'reload-home') reloadHome(details.reason);
    });
    window.on('unresponsive', () => reloadHome('unresponsive'));
    if (kioskMode) contents.on('devtools-opened', () => contents.closeDevTools());
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(appHomeUrl);
  };

  openWindow();
  app.on('second-instance', () => window?.focus());
  app.on('window-all-closed', () => {
    kiosk.close();
    app.quit();
  });
}

async function serveAppRequest(request: Request): Promise<Response> {
  const file = resolveAppRequest(request.url, rendererDir);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const page = file.file === join(rendererDir, 'index.html') ? (homePage?.() ?? null) : null;
    const body = page ?? (await readFile(file.file));
    return new Response(body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': page === null ? contentSecurityPolicy() : pagePolicy(page),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** Applies the navigation, window, webview and keyboard policies to every web contents, present and future. */
function lockDownEveryWebContents(log: Logger): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log.info('lockdown.windowOpenDenied', { external: !url.startsWith(`${appScheme}:`) });
      return windowOpenDecision();
    });
    // The kiosk window shows the app's own pages only; an official-site pane, the allowlisted origins only.
    const guard = (event: { preventDefault(): void }, url: string) => {
      const allowed = paneContents.has(contents) ? isPaneNavigationAllowed(url, allowedOrigins) : isWindowNavigationAllowed(url);
      if (!allowed) {
        event.preventDefault();
        log.info('lockdown.navigationDenied', { scheme: url.split(':')[0] ?? '' });
      }
    };
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', (event) => guard(event, event.url));
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('context-menu', (event) => event.preventDefault());
    contents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
    contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  });
}
