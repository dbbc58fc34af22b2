// `npm start`: reads the configuration and runs the kiosk in Electron, or in the web host with Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createFileLogger } from '../../core/log';
import { browserPolicyFile } from '../web/browser-policy';
import { operationsCommand } from '../../cli/commands';
import { runWebHost } from '../web/run-web-host';
import { chooseHost, type HostEnvironment } from './choose-host';
import { superviseBrowser, type BrowserSupervisor } from './browser-supervisor';
import { queuedPrinter } from '../common/queued-printer';
import { canSubmitPdf } from '../../kiosk/print-queue';
import { chromiumMissingMessage, findChromium } from './chromium';
import { restartCountVariable, restartsFromEnvironment } from '../common/self-restart';
import { hostProcessEnvironment } from '../common/host-environment';
import { guardFatalErrors, readStartup } from '../common/bootstrap';
import { codeCacheDir } from '../common/code-cache';
import { configTexts, firstPageFile, keepFirstPage } from '../common/first-page';
import { fileStamp } from '../common/renderer-files';
import type { WebHost } from '../web/server';
import { defaultConfigPath, type SiteConfig } from '../../core/config';
import { staticHomeFile } from '../../../common/api/static-home';
import { createPrintBudget } from '../../../common/kiosk/print-budget';

const distDir = __dirname;
/** Sheets the official windows of one visit may print (the app's own sheets have their own count, open-kiosk.ts). */
const officialPrintsPerVisit = 3;
const projectDir = join(distDir, '..', '..');
const rendererDir = join(distDir, '..', 'renderer');

async function main(): Promise<void> {
  const { flags, config } = readStartup(process.argv.slice(2), (code) => process.exit(code));

  const decision = chooseHost(config.host, hostEnvironment());
  if (decision.host === 'electron') {
    const child = spawn(decision.binary, [join(distDir, 'electron.cjs'), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, PASSERELLE_SQLITE_BINDING: decision.sqliteBinding },
    });
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }

  const log = createFileLogger(join(config.dataDir, 'logs'));
  const chromium = flags.noBrowser ? null : findChromium();
  let browser: BrowserSupervisor | null = null;
  // The supervised browser may keep a second window on the configured official origins; the visit's end closes it.
  const officialWindows =
    chromium && config.allowedOrigins.length > 0 ? { wipe: () => browser?.closeOfficialWindows() ?? Promise.resolve() } : undefined;
  // The supervised browser prints the page itself (a PDF of its print view, handed to CUPS with lp): no print dialog.
  // Where there is no lp (Windows), the page prints itself with --kiosk-printing.
  const printer =
    chromium && canSubmitPdf() ? queuedPrinter(() => browser?.printPage() ?? Promise.reject(new Error('no browser')), log) : undefined;
  // An official window's print button prints that page the same way, a few sheets a visit at most (a page's script
  // could press it in a loop): the count starts again when the visit ends.
  const officialPrints = createPrintBudget(officialPrintsPerVisit);
  const onOfficialPrint = (targetId: string) => {
    if (!printer || !browser) return;
    if (!officialPrints.take()) return log.warn('print.limit', { what: 'official' });
    const running = browser;
    void printer.printWith(() => running.printTarget(targetId));
  };
  const visitPrinter = printer && {
    ...printer,
    endVisit: () => {
      officialPrints.reset();
      printer.endVisit();
    },
  };
  // The browser starts as soon as the host listens: its own start (a second or more) and the services' opening overlap,
  // and the home page it asks for is served at once (the services open at the app's first call).
  const onListening = (url: string, announced: boolean) => {
    if (!announced) process.stdout.write(`Passerelle Santé is running at ${url}\n`);
    // Said once, at start (a copy restarted after an error has it in the log already).
    if (restartsFromEnvironment(process.env) === 0) {
      process.stdout.write(`Browser-kiosk mode: ${decision.why}.${decision.later ? ` ${decision.later}` : ''}\n`);
    }
    process.stdout.write(`Logs: ${log.file}\n`);
    if (flags.noBrowser) return;
    if (chromium) {
      browser = superviseBrowser(chromium, url, {
        kiosk: config.kiosk,
        log,
        allowlist: config.allowedOrigins,
        ...(printer ? { onOfficialPrint } : {}),
      });
    } else process.stdout.write(`${chromiumMissingMessage()}\nUntil then, open the address above in a browser.\n`);
  };
  let web: Awaited<ReturnType<typeof runWebHost>> | null = null;
  const close = () => web?.close() ?? Promise.resolve();

  // Once asked to stop (a signal, the staff exit), the host never starts a copy of itself, even if an error comes
  // up while it closes: whoever stopped it (a person, a service manager, the test suite) expects it gone.
  let stopping = false;
  async function stop() {
    if (stopping) return;
    stopping = true;
    browser?.stop();
    await close().catch(() => undefined);
    process.exit(0);
  }
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  // An error nothing caught, from the host's first line on (the services open after it listens): log it without its
  // message, then a fresh copy of the host takes over (same arguments), so the kiosk comes back on a clean home screen
  // instead of staying dead.
  guardFatalErrors({
    log,
    stopping: () => stopping,
    cleanUp: () => {
      browser?.stop();
      return close();
    },
    relaunch: (restarts) => {
      const next = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        detached: true,
        stdio: 'inherit',
        // The copy starts as the service unit starts the host, even when this one was started by hand.
        env: { ...process.env, ...hostProcessEnvironment, [restartCountVariable]: String(restarts) },
      });
      next.unref();
      process.exit(0);
    },
    exit: (code) => process.exit(code),
  });

  // The staff exit (admin area) stops the browser and the host; a systemd unit or autostart decides what comes next.
  try {
    web = await runWebHost(
      config,
      {
        renderer: rendererDir,
        bundledPack: flags.contentPack ?? join(distDir, '..', 'content'),
        browserPolicyFile: browserPolicyFile(),
      },
      log,
      () => void stop(),
      { ...(officialWindows ? { officialWindows } : {}), ...(visitPrinter ? { printer: visitPrinter } : {}) },
      { onListening, afterFirstPage: true },
    );
  } catch (error) {
    // The services could not open: the browser started on the listening host goes with it.
    (browser as BrowserSupervisor | null)?.stop();
    throw error;
  }
  // A host whose browser is started by something else (the machine, a kiosk tool, the tests) may find that browser
  // already waiting at its next start: the page it sends is kept for that start's first stage (first-stage.ts), once
  // the calls that waited for the services are answered.
  const host = web.host;
  // A start answered from the kept page was made from the same inputs: that file is already this start's.
  if (flags.noBrowser && !host.fromFirstStage) setImmediate(() => keepFirstAnswers(host, config));
}

/** Keeps what the next start's first stage answers with, and everything it was made from. */
function keepFirstAnswers(host: Pick<WebHost, 'firstAnswers'>, config: SiteConfig): void {
  const answers = host.firstAnswers();
  if (!answers) return;
  const stamped = [join(distDir, 'host.cjs'), join(rendererDir, 'index.html'), join(rendererDir, staticHomeFile(config.defaultLocale))];
  keepFirstPage(firstPageFile(codeCacheDir(process.env, distDir)), {
    format: 1,
    argv: process.argv.slice(2),
    texts: configTexts(config.configFile ?? null, defaultConfigPath()),
    stamps: stamped.map((file) => ({ file, stamp: fileStamp(file) })),
    port: config.port,
    ...answers,
  });
}

function hostEnvironment(): HostEnvironment {
  let electronBinary: string | null = null;
  try {
    // The `electron` package exports the path of its binary, and throws when the binary is absent.
    const path = createRequire(join(projectDir, 'package.json'))('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) electronBinary = path;
  } catch {
    electronBinary = null;
  }
  const binding = process.env.PASSERELLE_SQLITE_BINDING ?? join(projectDir, '.cache', 'electron-native', 'better_sqlite3.node');
  return { electronBinary, electronSqliteBinding: existsSync(binding) ? binding : null };
}

// `start.cjs journal-verify …` (and the other operations commands) runs that command on this kiosk and exits.
const command = operationsCommand(process.argv.slice(2));
(command ? Promise.resolve(command(process.argv.slice(3))).then((code) => process.exit(code)) : main()).catch((error: unknown) => {
  process.stderr.write(`Passerelle Santé stopped on an unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
