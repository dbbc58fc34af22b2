// Activity figures for the mediators' reports (accompaniments by journey, outcome and duration; where people get
// stuck), from the day totals retention kept and the journal rows still there; the admin's calls that show and
// export them (La Coop's lines are written by coop-export.ts); and the retention itself.
import type Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../common/api/result';
import type { ActivityRow, BlockedReason, JournalHeadText, JournalStatus, StuckRow } from '../../common/api/types';
import {
  accompanimentLines,
  craCells,
  craColumns,
  csvFile,
  journalHeadCells,
  localDay,
  stuckByMonth,
  stuckColumns,
  ticketLinkCells,
  type ActivityFilter,
  type SitePlace,
} from './coop-export';
import type { DecodedJournalRow } from '../journal/events';
import { systemClock, type Clock } from '../core/clock';
import { createJournal, type Journal } from '../journal/journal';

export type { ActivityRow, StuckRow };

/** Finished accompaniments among the journal rows up to `untilId` (all rows when absent), per day, journey and outcome. */
const liveActivity = `
  SELECT substr(s.at, 1, 10) AS day, s.journey AS journey, e.outcome AS outcome,
         count(*) AS accompaniments,
         CAST(sum((julianday(e.at) - julianday(s.at)) * 86400) AS INTEGER) AS totalSeconds
  FROM journal_decoded s JOIN journal_decoded e ON e.accompaniment = s.accompaniment AND e.event = 'accompaniment.end'
  WHERE s.event = 'accompaniment.start' AND e.id <= @untilId
  GROUP BY day, s.journey, e.outcome`;

/** Steps whose outcome, corrections included, is blocked (a step corrected from blocked to done is not stuck). */
const liveStuck = `
  SELECT substr(at, 1, 10) AS day, journey, step, blocked_reason AS reason, count(*) AS count
  FROM step_final WHERE outcome = 'blocked' AND id <= @untilId
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
export function applyRetention(
  db: Database.Database,
  days: number,
  now: Clock = systemClock,
  journal?: Pick<Journal, 'cut'>,
): { removed: number } {
  const cutoff = new Date(now() - days * 86_400_000).toISOString();
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
    // The journal records the cut in its chain (signed with the site's key) before it removes anything.
    const removed = (journal ?? createJournal(db, now)).cut(untilId);
    return { removed };
  })();
}

/** The French titles of journeys and their steps ("journey" and "journey/step"), for people rather than ids. */
export type Titles = (journeys: readonly string[]) => Promise<Readonly<Record<string, string>>>;

export interface ActivityViewOptions {
  readonly place: SitePlace;
  readonly titles: Titles;
  /** Where "save on the kiosk" writes the CSV (`<dataDir>/exports`); absent, it is refused. */
  readonly exportDir?: string;
  /** The journal's live head and the kiosk's check of it: at the foot of each CRA export and in the admin's view. */
  readonly journal?: { readonly head: () => JournalHeadText; readonly status: () => JournalStatus };
}

/**
 * The admin's views of the figures: tables, La Coop's lines (a CSV, a printable list, a file saved on the kiosk: a
 * locked-down kiosk refuses downloads; the deployment guide says how to fetch it, or `npm run figures:merge`), and
 * "où les personnes bloquent" by month.
 */
export function createActivityViews(db: Database.Database, options: ActivityViewOptions) {
  const { place } = options;
  // The journal's rows, read through the view that names each event's value (main/journal/events.ts).
  const journalRows = db.prepare<[], DecodedJournalRow>('SELECT * FROM journal_decoded ORDER BY id');
  const linesOf = async (filter: ActivityFilter) => (await accompanimentsOf(filter)).cells;
  const accompanimentsOf = async (filter: ActivityFilter) => {
    const lines = accompanimentLines(journalRows.iterate(), filter);
    const titles = await options.titles([...new Set(lines.map((l) => l.journey))]);
    return { lines, cells: lines.map((line) => craCells(line, place, (journey) => titles[journey] ?? journey)) };
  };
  const filterOf = (input: ActivityFilter): ActivityFilter => ({ from: input.from, to: input.to, mediator: input.mediator });
  // The CRA export ends with the journal's head at the time it was made: the admin's anchor for `journal verify`.
  const craFile = async (filter: ActivityFilter) => {
    const { lines, cells } = await accompanimentsOf(filter);
    return csvFile(craColumns, cells, [...ticketLinkCells(lines), ...(options.journal ? [journalHeadCells(options.journal.head())] : [])]);
  };
  return {
    /** Saves the CRA export as a file in the kiosk's exports folder. */
    saveCra: async (input: ActivityFilter): Promise<Result<{ folder: string; file: string }, 'activity.exportUnavailable'>> => {
      if (!options.exportDir) return fail('activity.exportUnavailable');
      try {
        const csv = await craFile(filterOf(input));
        mkdirSync(options.exportDir, { recursive: true });
        const file = `activite-mediation-${localDay(new Date().toISOString())}.csv`;
        writeFileSync(join(options.exportDir, file), csv, { mode: 0o640 });
        return ok({ folder: options.exportDir, file });
      } catch {
        return fail('activity.exportUnavailable');
      }
    },
    /** The day figures of a period, with the titles of journeys and steps and the journal's head. */
    figures: async ({ from, to }: Period) => {
      const figures = activityFigures(db);
      const within = (row: { day: string }) => (!from || row.day >= from) && (!to || row.day <= to);
      const activity = figures.activity.filter(within);
      const stuck = figures.stuck.filter(within);
      const titles = await options.titles([...new Set([...activity, ...stuck].map((r) => r.journey))]);
      const journal = options.journal ? { head: options.journal.head(), status: options.journal.status() } : null;
      return { activity, stuck, titles, journal };
    },
    craCsv: (input: ActivityFilter) => craFile(filterOf(input)),
    craLines: async (input: ActivityFilter) => ({
      columns: [...craColumns],
      lines: await linesOf(filterOf(input)),
      head: options.journal?.head() ?? null,
    }),
    /** "Où les personnes bloquent" by month, as a CSV. */
    stuckCsv: async ({ from, to }: Period) => {
      const rows = stuckByMonth(db, { from, to });
      const titles = await options.titles([...new Set(rows.map((r) => r.journey))]);
      const lines = rows.map((r) => [
        r.month,
        titles[r.journey] ?? r.journey,
        titles[`${r.journey}/${r.step}`] ?? r.step,
        reasonLabels[r.reason] ?? r.reason,
        r.count,
      ]);
      return csvFile(stuckColumns, lines);
    },
  };
}

export type ActivityViews = ReturnType<typeof createActivityViews>;
type Period = Pick<ActivityFilter, 'from' | 'to'>;

/** Blocked reasons in the coordinator's words (French, like the rest of the staff's figures). */
const reasonLabels: Readonly<Record<string, string>> = {
  'code-expired': 'Code expiré',
  'no-email-access': "Pas d'accès aux e-mails",
  'sms-not-received': 'SMS non reçu',
  'serial-not-found': 'Numéro de série introuvable',
  'not-eligible': 'Pas éligible',
  'visitor-stopped': 'La personne a arrêté',
  other: 'Autre',
} satisfies Record<BlockedReason, string>;
