// `figures-merge a.csv b.csv … > all.csv` (`npm run figures:merge --` on a developer's machine): puts the activity reports (CRA CSV) exported by several kiosks
// into one file with the same columns, ordered by date. A file whose first line is not the CRA header is refused.
// An accompaniment resumed with a ticket on another kiosk is one line: its parts are joined by their tickets' links.
// Each file's last line, the journal head of its kiosk (an anchor for `journal verify`), is kept at the end.
import { readFileSync } from 'node:fs';
import {
  continuesWord,
  craColumns,
  csvCell,
  givesWord,
  journalHeadLabel,
  ticketLinkCells,
  ticketLinksLabel,
} from '../assisted/coop-export';

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

/** The cells of one CSV record (semicolons; quoted cells may hold semicolons, quotes doubled). */
export function csvCells(record: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (char === '"') {
      if (quoted && record[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === ';' && !quoted) {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells;
}

interface Row {
  record: string;
  readonly file: string;
  readonly line: number;
  continues: Set<string>;
  gives: Set<string>;
}

const column = (name: (typeof craColumns)[number]) => craColumns.indexOf(name);
/** The date is the first cell, written DD/MM/YYYY: sorted as YYYYMMDD. */
const dayOf = (line: string) => `${line.slice(6, 10)}${line.slice(3, 5)}${line.slice(0, 2)}`;
/** La Coop's autonomy levels as who did steps: the visitor, the mediator, both. */
const autonomyLevels: readonly [string, boolean, boolean][] = [
  ['Autonome', true, false],
  ['Avec guidage', false, true],
  ['Autonome avec guidage en cas de besoin', true, true],
];

/**
 * One line from the parts of one accompaniment found in several kiosks' files (a ticket given on one, resumed on
 * another): the first part's day and place, the durations added, the autonomy of all the steps, and where the last
 * part sent the visitor.
 */
function joinParts(parts: readonly Row[]): Row {
  // A part comes after the part whose ticket it continues; then by day.
  const depth = new Map<Row, number>(parts.map((p) => [p, 0]));
  for (let round = 0; round < parts.length; round++)
    for (const later of parts)
      for (const earlier of parts)
        if ([...later.continues].some((link) => earlier.gives.has(link) && earlier !== later))
          depth.set(later, Math.max(depth.get(later) ?? 0, (depth.get(earlier) ?? 0) + 1));
  const ordered = [...parts].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || dayOf(a.record).localeCompare(dayOf(b.record)));
  const cells = ordered.map((p) => csvCells(p.record));
  const joined = [...(cells[0] as string[])];
  joined[column('Durée (min)')] = String(cells.reduce((sum, c) => sum + (Number(c[column('Durée (min)')]) || 0), 0));
  const levels = cells.map((c) => autonomyLevels.find(([label]) => label === c[column("Niveau d'autonomie")]));
  const visitor = levels.some((l) => l?.[1]);
  const mediator = levels.some((l) => l?.[2]);
  joined[column("Niveau d'autonomie")] = autonomyLevels.find(([, v, m]) => v === visitor && m === mediator)?.[0] ?? '';
  const sent = [...cells].reverse().find((c) => c[column('Bénéficiaire réorienté')] === 'Oui');
  joined[column('Bénéficiaire réorienté')] = sent ? 'Oui' : 'Non';
  joined[column('Structure de redirection')] = sent?.[column('Structure de redirection')] ?? '';
  const first = ordered[0] as Row;
  return {
    record: joined.map(csvCell).join(';'),
    file: first.file,
    line: first.line,
    continues: new Set(parts.flatMap((p) => [...p.continues])),
    gives: new Set(parts.flatMap((p) => [...p.gives])),
  };
}

/**
 * One CRA file from several: the header once, then every accompaniment of every file, by date (a stable sort), the
 * parts of one accompaniment resumed on another kiosk joined into one line by their tickets' links, the ticket lines
 * again, and each file's journal head. A ticket resumed on two kiosks (it can be, once per kiosk: no server keeps a
 * site-wide list) is counted once and said through `warn`.
 */
export function mergeCraCsv(
  files: readonly { readonly name: string; readonly text: string }[],
  warn: (message: string) => void = () => {},
): string {
  if (files.length === 0) throw new FiguresError('Give the CSV files to merge: npm run figures:merge -- kiosk1.csv kiosk2.csv > all.csv');
  const rows: Row[] = [];
  const heads: string[] = [];
  const isHead = (line: string) => line.startsWith(`${csvCell(journalHeadLabel)};`);
  const isLinks = (line: string) => line.startsWith(`${csvCell(ticketLinksLabel)};`);
  for (const { name, text } of files) {
    const [first, ...rest] = csvRecords(text.replace(/^\uFEFF/, ''));
    if (first === undefined) throw new FiguresError(`${name} is empty: it is not an activity report (CRA) export.`);
    if (first !== header) {
      throw new FiguresError(
        `${name} does not have the columns of an activity report (CRA) export, so it was not merged.\n  expected: ${header}\n  found:    ${first}`,
      );
    }
    const own = rest
      .filter((line) => line.trim() !== '' && !isHead(line) && !isLinks(line))
      .map((record, n): Row => ({ record, file: name, line: n + 1, continues: new Set(), gives: new Set() }));
    for (const line of rest.filter(isLinks)) {
      const [, which, ...links] = csvCells(line);
      const row = own[Number(/^ligne (\d+)$/.exec(which ?? '')?.[1] ?? 0) - 1];
      if (!row) throw new FiguresError(`${name} has a ticket line for a line it does not have (${which ?? ''}).`);
      for (const link of links) {
        const [word, value] = link.split(' ');
        if (value && word === continuesWord) row.continues.add(value);
        else if (value && word === givesWord) row.gives.add(value);
      }
    }
    rows.push(...own);
    heads.push(...rest.filter(isHead));
  }
  // A ticket continued by two lines was resumed twice (on two kiosks): said, and the lines still count once.
  const continuedBy = new Map<string, Row[]>();
  for (const row of rows) for (const link of row.continues) continuedBy.set(link, [...(continuedBy.get(link) ?? []), row]);
  for (const [link, by] of continuedBy)
    if (by.length > 1)
      warn(
        `A ticket was resumed ${by.length} times (${by.map((r) => `${r.file} line ${r.line}`).join(', ')}; ticket link ${link}): ` +
          'a ticket works once per kiosk, and kiosks cannot see each other. Its accompaniment is counted once.',
      );
  // The parts of one accompaniment: lines that share a ticket's link, joined (union-find over the links).
  const parent = new Map<Row, Row>(rows.map((r) => [r, r]));
  const rootOf = (row: Row): Row => {
    let here = row;
    while (parent.get(here) !== here) here = parent.get(here) as Row;
    return here;
  };
  const byLink = new Map<string, Row>();
  for (const row of rows)
    for (const link of [...row.continues, ...row.gives]) {
      const other = byLink.get(link);
      if (other) parent.set(rootOf(row), rootOf(other));
      else byLink.set(link, row);
    }
  const groups = new Map<Row, Row[]>();
  for (const row of rows) groups.set(rootOf(row), [...(groups.get(rootOf(row)) ?? []), row]);
  const lines = [...groups.values()].map((parts) => (parts.length === 1 ? (parts[0] as Row) : joinParts(parts)));
  lines.sort((a, b) => dayOf(a.record).localeCompare(dayOf(b.record)));
  const links = ticketLinkCells(lines.map((l) => ({ continues: [...l.continues], gives: [...l.gives] }))).map((cells) =>
    cells.map(csvCell).join(';'),
  );
  return `\uFEFF${[header, ...lines.map((l) => l.record), ...links, ...heads].join('\r\n')}\r\n`;
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
    process.stdout.write(mergeCraCsv(files, (message) => process.stderr.write(`${message}\n`)));
    return 0;
  } catch (error) {
    if (!(error instanceof FiguresError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}
