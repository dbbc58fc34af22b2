// Activity figures for the mediators' reports (accompaniments by journey, outcome and duration; where people get
// stuck), from the day totals retention kept and the journal rows still there; and the retention itself.
import type Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../common/api/contract';
import { fail, ok } from '../../common/api/result';
import type { ActivityRow, StuckRow } from '../../common/api/types';

export type { ActivityRow, StuckRow };

/** Finished accompaniments among the journal rows up to `untilId` (all rows when absent), per day, journey and outcome. */
const liveActivity = `
  SELECT substr(s.at, 1, 10) AS day, s.journey AS journey, e.outcome AS outcome,
         count(*) AS accompaniments,
         CAST(sum((julianday(e.at) - julianday(s.at)) * 86400) AS INTEGER) AS totalSeconds
  FROM journal_decoded s JOIN journal_decoded e ON e.accompaniment = s.accompaniment AND e.event = 'accompaniment.end'
  WHERE s.event = 'accompaniment.start' AND e.id <= @untilId
  GROUP BY day, s.journey, e.outcome`;

const liveStuck = `
  SELECT substr(at, 1, 10) AS day, journey, step, blocked_reason AS reason, count(*) AS count
  FROM journal_decoded WHERE event = 'step.blocked' AND id <= @untilId
  GROUP BY day, journey, step, blocked_reason`;

export function activityFigures(db: Database.Database): { activity: ActivityRow[]; stuck: StuckRow[] } {
  const everything = { untilId: Number.MAX_SAFE_INTEGER };
  const activity = db
    .prepare<[typeof everything], ActivityRow>(
      `SELECT day, journey, outcome, sum(accompaniments) AS accompaniments, sum(totalSeconds) AS totalSeconds FROM (
         SELECT day, journey, outcome, accompaniments, total_seconds AS totalSeconds FROM activity_day
         UNION ALL ${liveActivity}
       ) GROUP BY day, journey, outcome ORDER BY day, journey, outcome`,
    )
    .all(everything);
  const stuck = db
    .prepare<[typeof everything], StuckRow>(
      `SELECT day, journey, step, reason, sum(count) AS count FROM (
         SELECT day, journey, step, reason, count FROM stuck_day UNION ALL ${liveStuck}
       ) GROUP BY day, journey, step, reason ORDER BY day, journey, step, reason`,
    )
    .all(everything);
  return { activity, stuck };
}

/**
 * Retention: journal rows older than `days` become day totals and are removed. Only whole accompaniments go, and
 * only a prefix of the chain, whose last hash becomes the anchor verify() starts from.
 */
export function applyRetention(db: Database.Database, days: number, now: () => Date = () => new Date()): { removed: number } {
  const cutoff = new Date(now().getTime() - days * 86_400_000).toISOString();
  return db.transaction(() => {
    let untilId = db.prepare<[string], number | null>('SELECT max(id) FROM journal WHERE at < ?').pluck().get(cutoff) ?? null;
    if (untilId === null) return { removed: 0 };
    // An accompaniment that started before the cut and ended after it (or not yet) stays whole.
    const open = db
      .prepare<[number, number], number | null>(
        `SELECT min(start) FROM (
           SELECT accompaniment, min(id) AS start, max(CASE WHEN event = 'accompaniment.end' THEN id END) AS finish
           FROM journal WHERE accompaniment IS NOT NULL GROUP BY accompaniment
         ) WHERE start <= ? AND (finish IS NULL OR finish > ?)`,
      )
      .pluck()
      .get(untilId, untilId);
    if (open !== null && open !== undefined) untilId = open - 1;
    const first = db.prepare<[], number | null>('SELECT min(id) FROM journal').pluck().get();
    if (first === null || first === undefined || untilId < first) return { removed: 0 };

    const bounds = { untilId };
    db.prepare(
      `INSERT INTO activity_day (day, journey, outcome, accompaniments, total_seconds)
       SELECT day, journey, outcome, accompaniments, totalSeconds FROM (${liveActivity}) WHERE true
       ON CONFLICT (day, journey, outcome) DO UPDATE SET accompaniments = accompaniments + excluded.accompaniments, total_seconds = total_seconds + excluded.total_seconds`,
    ).run(bounds);
    db.prepare(
      `INSERT INTO stuck_day (day, journey, step, reason, count)
       SELECT day, journey, step, reason, count FROM (${liveStuck}) WHERE true
       ON CONFLICT (day, journey, step, reason) DO UPDATE SET count = count + excluded.count`,
    ).run(bounds);
    const lastHash = db.prepare<[number], string>('SELECT hash FROM journal WHERE id = ?').pluck().get(untilId);
    if (lastHash === undefined) throw new Error('journal rows are missing below the retention cut');
    db.prepare(
      'INSERT INTO journal_anchor (id, last_removed_id, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET last_removed_id = excluded.last_removed_id, hash = excluded.hash',
    ).run(untilId, lastHash);
    db.prepare('INSERT INTO journal_retention (id, until_id) VALUES (1, ?)').run(untilId);
    const removed = db.prepare('DELETE FROM journal WHERE id <= ?').run(untilId).changes;
    db.prepare('DELETE FROM journal_retention').run();
    return { removed };
  })();
}

/** The columns of an activity report (CRA) of La Coop de la médiation numérique, one line per accompaniment. */
export const craColumns = [
  'date',
  'duree_minutes',
  'type_lieu',
  'type_structure',
  'thematiques',
  'autonomie',
  'oriente_vers_structure',
  'structure_de_redirection',
  'demarche',
  'issue',
  'role_mediateur',
] as const;

interface AccompanimentFacts {
  accompaniment: string;
  journey: string;
  started: string;
  ended: string;
  outcome: string;
  role: string | null;
  byVisitor: number;
  byMediator: number;
}

/** A cell that a spreadsheet will not read as a formula, quoted when it holds a separator. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The finished accompaniments still in the journal, as CRA lines a mediator can file in a minute: the date, the
 * duration, the place (the kiosk's site), the themes (Santé, Aide aux démarches administratives), the autonomy
 * (from who did the steps) and the referral when the visitor was sent to a desk or an office.
 */
export function craCsv(db: Database.Database, siteType: string): string {
  const facts = db
    .prepare<[], AccompanimentFacts>(
      `SELECT s.accompaniment AS accompaniment, s.journey AS journey, s.at AS started, e.at AS ended, e.outcome AS outcome, s.role AS role,
              (SELECT count(*) FROM journal_decoded d WHERE d.accompaniment = s.accompaniment AND d.event = 'step.done' AND d.done_by = 'visitor') AS byVisitor,
              (SELECT count(*) FROM journal_decoded d WHERE d.accompaniment = s.accompaniment AND d.event = 'step.done' AND d.done_by = 'mediator') AS byMediator
       FROM journal_decoded s JOIN journal_decoded e ON e.accompaniment = s.accompaniment AND e.event = 'accompaniment.end'
       WHERE s.event = 'accompaniment.start' ORDER BY s.id`,
    )
    .all();
  const lines = facts.map((f) => {
    const minutes = Math.max(1, Math.round((Date.parse(f.ended) - Date.parse(f.started)) / 60_000));
    const autonomy = f.byMediator === 0 ? 'Autonome' : f.byVisitor === 0 ? 'EntierementAccompagne' : 'PartiellementAutonome';
    const referred = f.outcome === 'referred';
    return [
      f.started.slice(0, 10),
      minutes,
      'LieuActivite',
      siteType,
      'Sante;AideAuxDemarchesAdministratives',
      autonomy,
      referred ? 'oui' : 'non',
      referred ? 'OperateurOuOrganismeEnCharge' : '',
      f.journey,
      f.outcome,
      f.role ?? '',
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[craColumns.join(','), ...lines].join('\r\n')}\r\n`;
}

/**
 * The admin's views of the figures: tables, and the CRA export. A locked-down kiosk refuses downloads, so the export
 * can also be saved as a file in `<dataDir>/exports` (the deployment guide says how to fetch it, or `npm run figures:merge`).
 */
export function createActivityHandlers(db: Database.Database, siteType: string, exportDir?: string) {
  return {
    'admin.activityExport': () => {
      if (!exportDir) return fail('activity.exportUnavailable');
      try {
        mkdirSync(exportDir, { recursive: true });
        const file = `activite-mediation-${new Date().toISOString().slice(0, 10)}.csv`;
        writeFileSync(join(exportDir, file), craCsv(db, siteType), { mode: 0o640 });
        return ok({ folder: exportDir, file });
      } catch {
        return fail('activity.exportUnavailable');
      }
    },
    'admin.activity': () => ok(activityFigures(db)),
    'admin.activityCsv': () => ok({ csv: craCsv(db, siteType) }),
  } satisfies Pick<Handlers, 'admin.activity' | 'admin.activityCsv' | 'admin.activityExport'>;
}
