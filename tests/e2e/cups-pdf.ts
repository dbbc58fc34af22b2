// The PDF printer of the tests (CUPS with cups-pdf, as .ci/run sets it up): where its sheets come out, and what
// they say. A sheet read is removed: it is a visitor's, and nothing of it stays on the kiosk.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Whether CUPS's commands are here (.ci/run installs cups, printer-driver-cups-pdf and poppler-utils). */
export const hasCups = !spawnSync('lpstat', ['-r']).error;

/** Where cups-pdf writes the PDFs of this user's jobs (its "Out" setting; ${HOME}/PDF unless changed). */
export function pdfFolder(): string {
  const conf = existsSync('/etc/cups/cups-pdf.conf') ? readFileSync('/etc/cups/cups-pdf.conf', 'utf8') : '';
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '${HOME}/PDF';
  return out.replace('${HOME}', homedir()).replace('${USER}', userInfo().username);
}
export const pdfs = (): string[] => (existsSync(pdfFolder()) ? readdirSync(pdfFolder()).filter((f) => f.endsWith('.pdf')) : []);
/** Jobs still in the queue (pending, held or printing), as `lpstat -o` lists them. */
export const queue = (): string => execFileSync('lpstat', ['-o'], { encoding: 'utf8' }).trim();
/** The sheets that came out since `before` (a list from pdfs()). */
export const pdfsSince = (before: readonly string[]): string[] => pdfs().filter((f) => !before.includes(f));

/** What a sheet says (pdftotext, its layout kept); the sheet is then removed. */
export function pdfText(file: string): string {
  const path = join(pdfFolder(), file);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  // The sheet is the visitor's: nothing of it stays on the kiosk.
  rmSync(path);
  return text;
}
