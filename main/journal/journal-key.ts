// The site's journal key: a random secret kept beside the site configuration (never in the state DB, never in a
// log), with which the kiosk signs the heads it writes down and its own retention cuts. Someone who can rewrite
// state.db but not read this file cannot forge either.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const journalKeyFileName = 'journal-key';

export type JournalKeyState =
  | { readonly state: 'off' }
  | { readonly state: 'ready'; readonly key: Buffer; readonly file: string; readonly created: boolean }
  | {
      readonly state: 'unavailable';
      readonly file: string | null;
      readonly why: 'no-config-dir' | 'unreadable' | 'invalid' | 'not-writable';
    };

/** Where the key lives: beside the configuration file, or nowhere when the kiosk runs on defaults alone. */
export const journalKeyFile = (configFile: string | null | undefined): string | null =>
  configFile ? join(dirname(configFile), journalKeyFileName) : null;

/**
 * Reads the key; when `create` is set (the configuration asks for signing) and there is none yet, writes a new one
 * with mode 0600 first. The key itself never leaves this function's result.
 */
export function loadJournalKey(file: string | null, create: boolean): JournalKeyState {
  if (!file) return create ? { state: 'unavailable', file: null, why: 'no-config-dir' } : { state: 'off' };
  if (!existsSync(file)) {
    if (!create) return { state: 'off' };
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch {
      return { state: 'unavailable', file, why: 'not-writable' };
    }
    return withCreated(readKey(file));
  }
  return readKey(file);
}

function withCreated(state: JournalKeyState): JournalKeyState {
  return state.state === 'ready' ? { ...state, created: true } : state;
}

function readKey(file: string): JournalKeyState {
  try {
    if (!statSync(file).isFile()) return { state: 'unavailable', file, why: 'invalid' };
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(text)) return { state: 'unavailable', file, why: 'invalid' };
    return { state: 'ready', key: Buffer.from(text, 'hex'), file, created: false };
  } catch {
    return { state: 'unavailable', file, why: 'unreadable' };
  }
}
