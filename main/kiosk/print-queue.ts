// How many jobs wait in the kiosk's print queue (CUPS `lpstat -o`), so that the page can say whether the sheet came
// out: in the browser kiosk, window.print() only hands the page to the queue. Read-only; no printer, no answer.
import { execFile } from 'node:child_process';

/** Jobs not yet printed, by `lpstat -o` (one line each), or null where there is no CUPS or it does not answer. */
export function pendingJobs(command = 'lpstat'): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(command, ['-o'], { timeout: 5000, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      if (error) return resolve(null);
      resolve(stdout.split('\n').filter((line) => line.trim() !== '').length);
    });
  });
}
