// The operational log: one JSON line per event, with named fields only, never request bodies or visitor text.
// Times are kept to the minute: a finer time next to visitor-triggered lines would give away the rhythm of a visit.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogFields = Record<string, string | number | boolean>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const maxBytes = 5 * 1024 * 1024;

/** A logger writing to `<dir>/passerelle.log` (rotated once at 5 MB) and echoing to stderr when asked. */
export function createFileLogger(dir: string, options: { echo?: boolean } = {}): Logger & { readonly file: string } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'passerelle.log');
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const line = JSON.stringify({ at: minuteOf(new Date()), level, event, ...fields });
    try {
      rotateIfLarge(file);
      appendFileSync(file, `${line}\n`);
    } catch {
      // A line that cannot be written (the folder was removed, the disk is full) is lost; the kiosk goes on serving.
    }
    if (options.echo) process.stderr.write(`${line}\n`);
  };
  return {
    file,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** 2026-11-30T02:41Z: the minute, no seconds. */
export const minuteOf = (date: Date): string => `${date.toISOString().slice(0, 16)}Z`;

function rotateIfLarge(file: string): void {
  try {
    if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
  } catch {
    // No file yet: nothing to rotate.
  }
}

/** A logger that keeps lines in memory: for tests and for code that runs before the data folder exists. */
export function createMemoryLogger(): Logger & { readonly lines: { level: LogLevel; event: string; fields: LogFields }[] } {
  const lines: { level: LogLevel; event: string; fields: LogFields }[] = [];
  const push =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) =>
      void lines.push({ level, event, fields });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
