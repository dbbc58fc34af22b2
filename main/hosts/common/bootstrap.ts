// How every host starts and how it survives an error nothing caught, written once for the launcher's web host and
// the Electron shell: flags → site configuration (a clear message and exit code 2 when either is wrong), then the
// fatal-error guard (log the error's kind without its message, start a fresh copy with a growing delay, give up
// after a loop, never restart a host that was asked to stop).
import { ConfigError, loadSiteConfig, type SiteConfig } from '../../core/config';
import type { Logger } from '../../core/log';
import { FlagError, parseLauncherFlags, type LauncherFlags } from './flags';
import { errorLogFields, planRestart, restartsFromEnvironment } from './self-restart';

export interface Startup {
  readonly flags: LauncherFlags;
  readonly config: SiteConfig;
}

/** Reads the flags and the configuration they point at; a mistake in either is said plainly and ends the start. */
export function readStartup(argv: readonly string[], exit: (code: number) => never): Startup {
  try {
    const flags = parseLauncherFlags(argv);
    const config = loadSiteConfig(
      flags.configPath !== undefined ? { explicitPath: flags.configPath, overrides: flags.overrides } : { overrides: flags.overrides },
    );
    return { flags, config };
  } catch (error) {
    if (error instanceof FlagError || error instanceof ConfigError) {
      process.stderr.write(`Passerelle Santé cannot start.\n${error.message}\n`);
      return exit(2);
    }
    throw error;
  }
}

export interface FatalGuardOptions {
  readonly log: Pick<Logger, 'error' | 'warn'>;
  /** True once the host was asked to stop: an error while it closes then ends it, with no copy. */
  readonly stopping?: () => boolean;
  /** What to close before the copy starts (the browser, the HTTP server). */
  readonly cleanUp?: () => Promise<void>;
  /** Starts the fresh copy (told how many restarts came before) and ends this process. */
  readonly relaunch: (restarts: number) => void;
  readonly exit: (code: number) => void;
  /** The process's environment (the restart count of the copy before, systemd's INVOCATION_ID). */
  readonly env?: NodeJS.ProcessEnv;
}

/** The handler for an uncaught error or rejection; `guardFatalErrors` installs it on the process. */
export function fatalErrorHandler(options: FatalGuardOptions): (error: unknown) => void {
  const env = options.env ?? process.env;
  const startedAt = Date.now();
  let failing = false;
  return (error) => {
    if (failing) return;
    failing = true;
    options.log.error('host.uncaught', errorLogFields(error));
    const plan = planRestart(restartsFromEnvironment(env), Date.now() - startedAt, options.stopping?.() ?? false);
    void (options.cleanUp?.() ?? Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        if (plan.action === 'stop') {
          options.log.error('host.gave-up', { why: plan.why });
          return options.exit(70);
        }
        // Under systemd (it sets INVOCATION_ID) the unit's Restart=on-failure starts the next copy.
        if (env.INVOCATION_ID) return options.exit(70);
        options.log.warn('host.restart', { restarts: plan.restarts, delayMs: plan.delayMs });
        setTimeout(() => {
          // A stop asked for while waiting wins: no copy.
          if (options.stopping?.()) return options.exit(0);
          options.relaunch(plan.restarts);
        }, plan.delayMs);
      });
  };
}

export function guardFatalErrors(options: FatalGuardOptions): void {
  const onFatal = fatalErrorHandler(options);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
}
