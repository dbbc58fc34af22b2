// Merging the activity reports (CRA CSV) of several kiosks: real exports from two state databases become one file
// with the header once and every accompaniment, by date, and each kiosk's journal head at the end; a file with other
// columns is refused, naming it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords, FiguresError, mergeCraCsv } from '../../main/cli/figures-merge';
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
