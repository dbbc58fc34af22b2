// `figures-merge a.csv b.csv … > all.csv` (`npm run figures:merge --` on a developer's machine): puts the activity reports (CRA CSV) exported by several kiosks
// into one file with the same columns, ordered by date. A file whose first line is not the CRA header is refused.
// Each file's last line, the journal head of its kiosk (an anchor for `journal verify`), is kept at the end.
import { readFileSync } from 'node:fs';
import { craColumns, csvCell, journalHeadLabel } from '../assisted/coop-export';

export class FiguresError extends Error {
  override readonly name = 'FiguresError';
}

const header = craColumns.map(csvCell).join(';');

/** The records of a CSV text: lines, except that a line break inside quotes belongs to its cell. */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === '\n' || (char === '\r' && text[i + 1] === '\n'))) {
      if (char === '\r') i++;
      records.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current !== '') records.push(current);
  return records;
}

/** One CRA file from several: the header once, then every line of every file, by date (a stable sort). */
export function mergeCraCsv(files: readonly { readonly name: string; readonly text: string }[]): string {
  if (files.length === 0) throw new FiguresError('Give the CSV files to merge: npm run figures:merge -- kiosk1.csv kiosk2.csv > all.csv');
  const lines: string[] = [];
  const heads: string[] = [];
  const isHead = (line: string) => line.startsWith(`${csvCell(journalHeadLabel)};`);
  for (const { name, text } of files) {
    const [first, ...rest] = csvRecords(text.replace(/^\uFEFF/, ''));
    if (first === undefined) throw new FiguresError(`${name} is empty: it is not an activity report (CRA) export.`);
    if (first !== header) {
      throw new FiguresError(
        `${name} does not have the columns of an activity report (CRA) export, so it was not merged.\n  expected: ${header}\n  found:    ${first}`,
      );
    }
    lines.push(...rest.filter((line) => line.trim() !== '' && !isHead(line)));
    heads.push(...rest.filter(isHead));
  }
  // The date is the first cell, written DD/MM/YYYY: sorted as YYYYMMDD.
  const dayOf = (line: string) => `${line.slice(6, 10)}${line.slice(3, 5)}${line.slice(0, 2)}`;
  lines.sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
  return `\uFEFF${[header, ...lines, ...heads].join('\r\n')}\r\n`;
}

/** The command: merges the files named in `args` to standard output; returns the exit code. */
export function runFiguresMerge(args: readonly string[]): number {
  try {
    const files = args.map((name) => {
      try {
        return { name, text: readFileSync(name, 'utf8') };
      } catch (error) {
        throw new FiguresError(`${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
    });
    process.stdout.write(mergeCraCsv(files));
    return 0;
  } catch (error) {
    if (!(error instanceof FiguresError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}
