// The web host's first answers, kept from its previous start: the home page exactly as it was sent (text and headers)
// and what it was made from (the command line, the configuration file's text, the build's files). A start whose
// inputs are all the same answers the page and its files from this before it has loaded its code (start.cjs, before
// host.cjs): a browser already waiting (one started by the machine, or reloading after the host's restart) gets the
// home screen as fast as from a bare server. Anything different, missing or unreadable means a normal start.
// Node's own modules only: start.cjs reads this before anything else.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileStamp, sameStamp, type FileStamp } from './renderer-files';

export interface FirstPage {
  readonly format: 1;
  /** The start's command line (after `start.cjs`). */
  readonly argv: readonly string[];
  /** Files whose text made the page (the configuration file) or whose absence did (the default one, when none). */
  readonly texts: readonly { readonly file: string; readonly text: string | null }[];
  /** Files whose date and size made the page: the host's bundle, the built pages. */
  readonly stamps: readonly { readonly file: string; readonly stamp: FileStamp | null }[];
  /** The configured port (0: any free one). */
  readonly port: number;
  readonly page: string;
  readonly pageHeaders: Readonly<Record<string, string>>;
  /** The headers every answer carries (the security headers). */
  readonly headers: Readonly<Record<string, string>>;
}

export const firstPageFile = (cacheDir: string): string => join(cacheDir, 'first-page.json');

function textOf(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');

/** The kept first answers, when they were made from exactly this start's inputs; otherwise null. */
export function fittingFirstPage(file: string, argv: readonly string[]): FirstPage | null {
  const text = textOf(file);
  if (text === null) return null;
  let kept: Partial<FirstPage>;
  try {
    kept = JSON.parse(text) as Partial<FirstPage>;
  } catch {
    return null;
  }
  if (
    kept.format !== 1 ||
    !Array.isArray(kept.argv) ||
    !Array.isArray(kept.texts) ||
    !Array.isArray(kept.stamps) ||
    typeof kept.port !== 'number' ||
    typeof kept.page !== 'string' ||
    !isRecordOfStrings(kept.pageHeaders) ||
    !isRecordOfStrings(kept.headers)
  )
    return null;
  if (kept.argv.length !== argv.length || kept.argv.some((arg, i) => arg !== argv[i])) return null;
  for (const { file: input, text: was } of kept.texts) if (textOf(input) !== was) return null;
  for (const { file: input, stamp: was } of kept.stamps) {
    const now = fileStamp(input);
    if (now === null || was === null ? now !== was : !sameStamp(now, was)) return null;
  }
  return kept as FirstPage;
}

/** Written beside, then renamed: a start reading it meanwhile reads a whole file or none. Never fails a start. */
export function keepFirstPage(file: string, firstPage: FirstPage): boolean {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, JSON.stringify(firstPage), { mode: 0o600 });
    renameSync(partial, file);
    return true;
  } catch {
    return false;
  }
}

/** The inputs of a configuration: the file read, or the default one found absent. */
export function configTexts(configFile: string | null, defaultConfigFile: string): FirstPage['texts'] {
  const file = configFile ?? defaultConfigFile;
  return [{ file, text: textOf(file) }];
}

/** What start.cjs hands to the host's code: its listening server and the requests it left for the host. */
export interface FirstStageHandover {
  readonly server: Server;
  readonly url: string;
  readonly waiting: readonly (readonly [IncomingMessage, ServerResponse])[];
}

const handoverKey = Symbol.for('passerelle-sante.first-stage');

export function handOver(handover: FirstStageHandover): void {
  (globalThis as Record<symbol, unknown>)[handoverKey] = handover;
}

/** The first stage's server, once: the host's server takes it instead of listening. */
export function takeHandover(): FirstStageHandover | null {
  const global = globalThis as Record<symbol, unknown>;
  const handover = global[handoverKey] as FirstStageHandover | undefined;
  delete global[handoverKey];
  return handover ?? null;
}
