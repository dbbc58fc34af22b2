// Merging the activity reports (CRA CSV) of several kiosks: real exports from two state databases become one file
// with the header once and every accompaniment, by date, and each kiosk's journal head at the end; a file with other
// columns is refused, naming it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCells, csvRecords, FiguresError, mergeCraCsv } from '../../main/cli/figures-merge';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { craColumns, craCsv, csvCell } from '../../main/assisted/coop-export';
import { createJournal } from '../../main/journal/journal';
import { headText } from '../../main/journal/anchor';
import type { AccompanimentOutcome } from '../../common/api/types';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const root = join(import.meta.dirname, '..', '..');

/** A kiosk's CRA export after the given accompaniments (day, journey, outcome), through the real journal. */
function exportOf(siteName: string, visits: readonly [string, string, AccompanimentOutcome][]): string {
  const { db } = openStateDb(join(tempDir(), 'state.db'), createMemoryLogger());
  let clock = new Date();
  const journal = createJournal(db, () => clock.getTime());
  visits.forEach(([day, journey, outcome], n) => {
    const accompaniment = `acc${String(n).padStart(13, '0')}`;
    clock = new Date(`${day}T10:00:00Z`);
    journal.append({ event: 'accompaniment.start', accompaniment, journey, role: 'professional' });
    journal.append({ event: 'step.done', accompaniment, journey, step: 'x', by: 'visitor' });
    clock = new Date(`${day}T10:12:00Z`);
    journal.append({ event: 'accompaniment.end', accompaniment, journey, outcome });
  });
  const csv = craCsv(db, { name: siteName, city: 'Lyon' }, (journey) => `Titre de ${journey}`, {}, headText(journal.anchor()));
  db.close();
  return csv;
}

describe('figures:merge', () => {
  const library = exportOf('Médiathèque', [
    ['2026-03-02', 'activer-mon-espace-sante', 'done'],
    ['2026-03-09', 'compte-ameli', 'referred'],
  ]);
  const pharmacy = exportOf('Pharmacie; du centre', [['2026-03-05', 'appli-carte-vitale', 'done']]);

  it('keeps the header once and every accompaniment of every kiosk, by date', () => {
    const merged = mergeCraCsv([
      { name: 'mediatheque.csv', text: library },
      { name: 'pharmacie.csv', text: pharmacy },
    ]);
    const records = csvRecords(merged);
    expect(records[0]).toBe(`\uFEFF${craColumns.map(csvCell).join(';')}`);
    expect(records.slice(1, 4).map((r) => r.slice(0, 10))).toEqual(['02/03/2026', '05/03/2026', '09/03/2026']);
    // Each kiosk's journal head (its anchor for `journal verify`) stays, after the lines, in the order of the files.
    expect(records.slice(4)).toEqual([
      expect.stringMatching(/^Tête du journal;ligne 6;[0-9a-f]{4}( [0-9a-f]{4}){3};non signée;6:[0-9a-f]{16}$/),
      expect.stringMatching(/^Tête du journal;ligne 3;[0-9a-f ]{19};non signée;3:[0-9a-f]{16}$/),
    ]);
    // A quoted cell with the separator inside (this pharmacy's name) comes through whole.
    expect(records[2]).toContain(';"Pharmacie; du centre";');
    expect(records[3]).toContain(';Titre de compte-ameli;');
    expect(merged.endsWith('\r\n')).toBe(true);
  });

  it('refuses a file with other columns, naming it and showing both headers', () => {
    const other = 'date,duree,lieu\r\n2026-03-01,10,x\r\n';
    expect(() =>
      mergeCraCsv([
        { name: 'mediatheque.csv', text: library },
        { name: 'tableur.csv', text: other },
      ]),
    ).toThrow(FiguresError);
    expect(() => mergeCraCsv([{ name: 'tableur.csv', text: other }])).toThrow(
      /^tableur\.csv does not have the columns of an activity report \(CRA\) export[\s\S]*found: {4}date,duree,lieu$/,
    );
    expect(() => mergeCraCsv([{ name: 'vide.csv', text: '' }])).toThrow('vide.csv is empty');
  });

  it('works as the command the guide gives, writing the merge on stdout and errors on stderr', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), library);
    writeFileSync(join(dir, 'b.csv'), pharmacy);
    writeFileSync(join(dir, 'c.csv'), 'nom,prenom\r\n');
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const good = spawnSync(tsx, ['build/scripts/figures-merge.ts', join(dir, 'a.csv'), join(dir, 'b.csv')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(good.status).toBe(0);
    // The header, three lines, and the two kiosks' journal heads.
    expect(csvRecords(good.stdout)).toHaveLength(6);
    const bad = spawnSync(tsx, ['build/scripts/figures-merge.ts', join(dir, 'a.csv'), join(dir, 'c.csv')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('c.csv does not have the columns');
  }, 30_000);
});

/** One part of an accompaniment on a kiosk, through the real journal: its steps, the tickets it continued and gave. */
interface PartOf {
  readonly start: string;
  readonly minutes: number;
  readonly by: readonly ('visitor' | 'mediator')[];
  readonly continues?: string;
  readonly gives?: string;
  readonly redirected?: 'operateur';
  readonly outcome: AccompanimentOutcome;
}

function kioskExport(parts: readonly PartOf[]): string {
  const { db } = openStateDb(join(tempDir(), 'state.db'), createMemoryLogger());
  let clock = new Date();
  const journal = createJournal(db, () => clock.getTime());
  parts.forEach((part, n) => {
    const base = { accompaniment: `part${String(n).padStart(12, '0')}`, journey: 'activer-mon-espace-sante' };
    clock = new Date(part.start);
    journal.append({ ...base, event: 'accompaniment.start', role: 'volunteer' });
    if (part.continues) journal.append({ ...base, event: 'accompaniment.continues', link: part.continues });
    part.by.forEach((by, s) => journal.append({ ...base, event: 'step.done', step: `s${s}`, by }));
    if (part.gives) journal.append({ ...base, event: 'accompaniment.ticket', link: part.gives });
    if (part.redirected) journal.append({ ...base, event: 'accompaniment.redirected', to: part.redirected });
    clock = new Date(Date.parse(part.start) + part.minutes * 60_000);
    journal.append({ ...base, event: 'accompaniment.end', outcome: part.outcome });
  });
  const csv = craCsv(
    db,
    { name: 'France Services de Lunel', postcode: '34400' },
    () => 'Activer Mon espace santé',
    {},
    headText(journal.anchor()),
  );
  db.close();
  return csv;
}

describe('figures:merge, an accompaniment resumed on another kiosk of the site', () => {
  const link = 'a1b2c3d4e5f60718';
  // Kiosk A: blocked at the SMS step with the mediator, a ticket given; kiosk B, two days later, resumes it and ends it.
  const kioskA = kioskExport([
    { start: '2026-03-02T09:00:00Z', minutes: 35, by: ['mediator'], gives: link, outcome: 'blocked' },
    { start: '2026-03-02T14:00:00Z', minutes: 10, by: ['visitor'], outcome: 'done' },
  ]);
  const kioskB = kioskExport([
    { start: '2026-03-04T10:00:00Z', minutes: 20, by: ['visitor'], continues: link, redirected: 'operateur', outcome: 'referred' },
  ]);
  const cellsOf = (record: string) => csvCells(record);
  const at = (name: (typeof craColumns)[number]) => craColumns.indexOf(name);

  it('each kiosk says which line gave or continued which ticket, after its lines and before its journal head', () => {
    const a = csvRecords(kioskA);
    expect(a.slice(3)).toEqual([`Tickets de reprise;ligne 1;donne ${link}`, expect.stringMatching(/^Tête du journal;/)]);
    expect(csvRecords(kioskB)[2]).toBe(`Tickets de reprise;ligne 1;reprend ${link}`);
  });

  it('joins the two parts into one line: the first day, the durations added, both autonomies, the last referral', () => {
    const warnings: string[] = [];
    const records = csvRecords(
      mergeCraCsv(
        [
          { name: 'a.csv', text: kioskA },
          { name: 'b.csv', text: kioskB },
        ],
        (w) => warnings.push(w),
      ),
    );
    const lines = records.slice(1).filter((r) => /^\d{2}\/\d{2}\/\d{4};/.test(r));
    expect(lines).toHaveLength(2);
    const joined = cellsOf(lines[0] ?? '');
    expect(joined[at('Date')]).toBe('02/03/2026');
    expect(joined[at('Durée (min)')]).toBe('55');
    expect(joined[at("Niveau d'autonomie")]).toBe('Autonome avec guidage en cas de besoin');
    expect(joined[at('Bénéficiaire réorienté')]).toBe('Oui');
    expect(joined[at('Structure de redirection')]).toBe('Opérateur ou organisme en charge de la démarche administrative');
    // The other accompaniment of kiosk A stays as it was.
    expect(cellsOf(lines[1] ?? '')[at('Durée (min)')]).toBe('10');
    // The joined line keeps its links, so the merged file can be merged again with a third kiosk's.
    expect(records).toContain(`Tickets de reprise;ligne 1;reprend ${link};donne ${link}`);
    expect(warnings).toEqual([]);
  });

  it('flags a ticket resumed on two kiosks (a ticket works once per kiosk), and counts its accompaniment once', () => {
    const kioskC = kioskExport([{ start: '2026-03-05T10:00:00Z', minutes: 15, by: ['visitor'], continues: link, outcome: 'done' }]);
    const warnings: string[] = [];
    const merged = mergeCraCsv(
      [
        { name: 'a.csv', text: kioskA },
        { name: 'b.csv', text: kioskB },
        { name: 'c.csv', text: kioskC },
      ],
      (w) => warnings.push(w),
    );
    const lines = csvRecords(merged).filter((r) => /^\d{2}\/\d{2}\/\d{4};/.test(r));
    expect(lines).toHaveLength(2);
    expect(cellsOf(lines[0] ?? '')[at('Durée (min)')]).toBe('70');
    expect(warnings).toEqual([
      expect.stringMatching(/^A ticket was resumed 2 times \(b\.csv line 1, c\.csv line 1; ticket link a1b2c3d4e5f60718\)/),
    ]);
  });
});
