// The one-time setup code: what proves that the person choosing the admin passphrase (at first run, after a
// state-DB recovery, or once the admin is blocked after too many failures) has the kiosk's disk in hand. It goes to
// a file only the service user can read, in the data folder, and is never shown on screen.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/log';
import { ticketAlphabet } from '../../common/api/types';

export const setupCodeFileName = 'admin-setup-code.txt';
/** Four groups of four from the unambiguous alphabet: 25^16, about 2^74 codes. */
const codeLength = 16;

const normalise = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

function newCode(): string {
  const chars = Array.from({ length: codeLength }, () => ticketAlphabet[randomInt(ticketAlphabet.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

function readExisting(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    const plain = normalise(text);
    return plain.length === codeLength && [...plain].every((c) => ticketAlphabet.includes(c)) ? text : null;
  } catch {
    return null;
  }
}

export function createSetupCode(dataDir: string, log: Logger) {
  const file = join(dataDir, setupCodeFileName);
  let code: string | null = null;
  return {
    file,
    /** Makes sure a code waits in the file: the same one across restarts, until it is used. */
    ensure(): void {
      if (code) return;
      const existing = readExisting(file);
      code = existing ?? newCode();
      if (!existing) writeFileSync(file, `${code}\n`, { mode: 0o600 });
      // The file may predate this start with looser rights; on Windows this sets read-only, the folder's ACL decides.
      chmodSync(file, 0o600);
      log.warn('admin.setupCodeWaiting', { file });
    },
    /** True, once, for the code in the file: it is removed as it is accepted. Compared in constant time. */
    take(typed: string): boolean {
      if (!code) return false;
      const right = timingSafeEqual(digest(normalise(typed)), digest(normalise(code)));
      if (right) this.discard();
      return right;
    },
    /** No code is needed (any more): a leftover file goes. */
    discard(): void {
      code = null;
      rmSync(file, { force: true });
    },
  };
}

export type SetupCode = ReturnType<typeof createSetupCode>;
