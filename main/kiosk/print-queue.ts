// The kiosk's print queue (CUPS): how many jobs wait in it, so that the page can say whether the sheet came out, and
// how a sheet the host made (a PDF of the page's print view, main/hosts/common/queued-printer.ts) is handed to it.
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fail, ok, type Result } from '../../common/api/result';

/** Jobs not yet printed, by `lpstat -o` (one line each), or null where there is no CUPS or it does not answer. */
export function pendingJobs(command = 'lpstat'): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(command, ['-o'], { timeout: 5000, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      if (error) return resolve(null);
      resolve(stdout.split('\n').filter((line) => line.trim() !== '').length);
    });
  });
}

/** Whether `lp` (CUPS's client, package cups-client) is on the PATH: not on Windows, nor on a Linux without CUPS. */
export function canSubmitPdf(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, 'lp'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The job's name in the queue and on a banner page: the app's, never anything of the visit. */
export const printJobTitle = 'Passerelle Sante';

/**
 * Hands a PDF to the default printer with `lp` (its standard input: no copy of the sheet on the kiosk's disk besides
 * CUPS's own spool). Ok once CUPS took the job ("request id is …"); `print.unavailable` where there is no `lp`,
 * `print.failed` when it refused the job or did not answer within `timeoutMs`.
 */
export function submitPdf(
  pdf: Uint8Array,
  options: { readonly command?: string; readonly timeoutMs?: number } = {},
): Promise<Result<{ readonly printed: true }, 'print.unavailable' | 'print.failed'>> {
  return new Promise((resolve) => {
    const child = spawn(options.command ?? 'lp', ['-t', printJobTitle, '--'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let said = '';
    let settled = false;
    const settle = (result: Result<{ readonly printed: true }, 'print.unavailable' | 'print.failed'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(fail('print.failed'));
    }, options.timeoutMs ?? 10_000);
    child.on('error', (error: NodeJS.ErrnoException) => settle(fail(error.code === 'ENOENT' ? 'print.unavailable' : 'print.failed')));
    child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.on('close', (code) => settle(code === 0 && /request id is /i.test(said) ? ok({ printed: true as const }) : fail('print.failed')));
    // A command that exits before reading its input closes the pipe: its exit code says what happened.
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}
