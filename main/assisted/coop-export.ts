// The activity report a mediator files in La Coop de la médiation numérique (which has no import: they copy it): one
// line per accompaniment, even when a ticket resumed it another day, in La Coop's columns with its labels; and the
// anonymous "où les personnes bloquent" counts by month for a coordinator. Both read the journal, never a visitor.
import type Database from 'better-sqlite3';
import type { JournalHeadText, RedirectionKey } from '../../common/api/types';
import type { DecodedJournalRow } from '../journal/events';

/** La Coop's export columns for an individual accompaniment (2025 form), in its order and with its words. */
export const craColumns = [
  'Date',
  'Type',
  "Canaux d'accompagnement",
  'Nom du lieu',
  'Adresse',
  'Commune',
  'Code postal',
  'Code Insee',
  'Durée (min)',
  'Matériel numérique utilisé',
  "Thématique(s) d'accompagnement",
  'Tags',
  'Nom de la démarche administrative',
  "Niveau d'autonomie",
  'Bénéficiaire réorienté',
  'Structure de redirection',
] as const;

/** Where a visitor can be sent at the end (La Coop's "Structure de redirection"): keys and La Coop's labels. */
export const redirections: Readonly<Record<RedirectionKey, string>> = {
  administration: 'Administration',
  'mediation-numerique': 'Autre structure de médiation numérique',
  operateur: 'Opérateur ou organisme en charge de la démarche administrative',
  'aide-sociale': "Structure d'aide sociale",
  'insertion-professionnelle': "Structure d'insertion professionnelle",
  'aide-demarches': "Structure d'aide aux démarches administratives (France Services…)",
  autre: 'Autre',
};
type Redirection = RedirectionKey;

/** Journeys done on the visitor's own phone (an app): La Coop's "Matériel numérique utilisé" is then the phone. */
const phoneJourneys: ReadonlySet<string> = new Set(['activer-appli-carte-vitale']);

/** What the site's configuration says of the place (La Coop's "Nom du lieu", "Adresse", "Commune", …). */
export interface SitePlace {
  readonly name: string;
  readonly address?: string | undefined;
  readonly city?: string | undefined;
  readonly postcode?: string | undefined;
  readonly insee?: string | undefined;
}

/** Which lines: days from / to (YYYY-MM-DD, both included, the kiosk's local days) and one mediator's account. */
export interface ActivityFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly mediator?: number | undefined;
}

/** One accompaniment, all its parts put together (a ticket's resume is a part of the one it continues). */
export interface AccompanimentLine {
  /** The first part's id. */
  readonly id: string;
  readonly journey: string;
  /** The local day the accompaniment began (YYYY-MM-DD). */
  readonly day: string;
  readonly seconds: number;
  /** How the last part ended (done, blocked, referred, stopped, idle, crash). */
  readonly outcome: string;
  readonly mediators: readonly number[];
  readonly byVisitor: number;
  readonly byMediator: number;
  readonly redirection: Redirection | null;
  /** Links of the tickets it continued and of the tickets it gave (ticket-code.ts): merged files join lines by them. */
  readonly continues: readonly string[];
  readonly gives: readonly string[];
}

/** The kiosk's local day of an ISO time: what the mediator calls "today". */
export function localDay(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

interface Part {
  id: string;
  journey: string;
  started: string;
  ended: string | null;
  outcome: string | null;
  mediator: number | null;
  resumes: string | null;
  /** Who did each step done, as it finally stands (a correction replaces the first ending). */
  doneBy: Map<string, string | null>;
  redirection: Redirection | null;
  continues: string[];
  gives: string[];
}

/** Every finished accompaniment still in the journal, resumed parts joined to the one they continue; filtered. */
export function accompanimentLines(rows: Iterable<DecodedJournalRow>, filter: ActivityFilter = {}): AccompanimentLine[] {
  const parts = new Map<string, Part>();
  for (const row of rows) {
    if (!row.accompaniment) continue;
    if (row.event === 'accompaniment.start') {
      parts.set(row.accompaniment, {
        id: row.accompaniment,
        journey: row.journey ?? '',
        started: row.at,
        ended: null,
        outcome: null,
        mediator: null,
        resumes: null,
        doneBy: new Map(),
        redirection: null,
        continues: [],
        gives: [],
      });
      continue;
    }
    const part = parts.get(row.accompaniment);
    if (!part) continue;
    if (row.event === 'accompaniment.end') {
      part.ended = row.at;
      part.outcome = row.outcome;
    } else if (row.event === 'accompaniment.with') part.mediator = Number(row.mediator_id);
    else if (row.event === 'accompaniment.resumes') part.resumes = row.resumes;
    else if (row.event === 'accompaniment.continues' && row.ticket_link) part.continues.push(row.ticket_link);
    else if (row.event === 'accompaniment.ticket' && row.ticket_link) part.gives.push(row.ticket_link);
    else if (row.event === 'accompaniment.redirected' && row.redirected_to && row.redirected_to in redirections)
      part.redirection = row.redirected_to as Redirection;
    else if (row.step && (row.event === 'step.done' || (row.event === 'step.corrected' && row.corrected_to === 'done')))
      part.doneBy.set(row.step, row.done_by);
    else if (row.step && (row.event === 'step.corrected' || row.event === 'step.skipped' || row.event === 'step.blocked'))
      part.doneBy.delete(row.step);
  }
  const doneBy = (part: Part, who: string) => [...part.doneBy.values()].filter((by) => by === who).length;
  // The first part of each chain of resumes (a part whose origin retention removed starts its own chain).
  const rootOf = (part: Part): string => {
    let here = part;
    for (let hops = 0; here.resumes && parts.has(here.resumes) && hops < 100; hops++) here = parts.get(here.resumes) as Part;
    return here.id;
  };
  const chains = new Map<string, Part[]>();
  for (const part of parts.values()) {
    const root = rootOf(part);
    chains.set(root, [...(chains.get(root) ?? []), part]);
  }
  const lines: AccompanimentLine[] = [];
  for (const [id, chain] of chains) {
    // A line is written once the accompaniment is over: every part of it has ended.
    if (chain.some((p) => p.ended === null)) continue;
    chain.sort((a, b) => a.started.localeCompare(b.started));
    const first = chain[0] as Part;
    const last = chain[chain.length - 1] as Part;
    const mediators = [...new Set(chain.map((p) => p.mediator).filter((m): m is number => m !== null))];
    const line: AccompanimentLine = {
      id,
      journey: first.journey,
      day: localDay(first.started),
      seconds: chain.reduce((sum, p) => sum + Math.max(0, (Date.parse(p.ended as string) - Date.parse(p.started)) / 1000), 0),
      outcome: last.outcome ?? '',
      mediators,
      byVisitor: chain.reduce((sum, p) => sum + doneBy(p, 'visitor'), 0),
      byMediator: chain.reduce((sum, p) => sum + doneBy(p, 'mediator'), 0),
      redirection: [...chain].reverse().find((p) => p.redirection)?.redirection ?? null,
      continues: [...new Set(chain.flatMap((p) => p.continues))],
      gives: [...new Set(chain.flatMap((p) => p.gives))],
    };
    if (filter.from && line.day < filter.from) continue;
    if (filter.to && line.day > filter.to) continue;
    if (filter.mediator !== undefined && !line.mediators.includes(filter.mediator)) continue;
    lines.push(line);
  }
  return lines.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
}

/** La Coop's "Niveau d'autonomie", from who did the steps: the visitor alone, both, or the mediator alone. */
function autonomy(line: AccompanimentLine): string {
  if (line.byVisitor + line.byMediator === 0) return '';
  if (line.byMediator === 0) return 'Autonome';
  if (line.byVisitor === 0) return 'Avec guidage';
  return 'Autonome avec guidage en cas de besoin';
}

/** The cells of one line, in the order of craColumns. */
export function craCells(line: AccompanimentLine, place: SitePlace, titleOf: (journey: string) => string): string[] {
  const [year, month, day] = line.day.split('-');
  return [
    `${day}/${month}/${year}`,
    'Accompagnement individuel',
    "Lieu d'activité",
    place.name,
    place.address ?? '',
    place.city ?? '',
    place.postcode ?? '',
    place.insee ?? '',
    String(Math.max(1, Math.round(line.seconds / 60))),
    phoneJourneys.has(line.journey) ? 'Téléphone' : 'Ordinateur',
    'Aide aux démarches administratives, Social - Santé, Santé',
    '',
    titleOf(line.journey),
    autonomy(line),
    line.redirection ? 'Oui' : 'Non',
    line.redirection ? redirections[line.redirection] : '',
  ];
}

/** A cell that a spreadsheet will not read as a formula, quoted when it holds the separator (;), a quote or a line break. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file for a French spreadsheet: semicolons, CRLF, and a byte-order mark so accents open right. */
export function csvFile(
  header: readonly string[],
  lines: readonly (readonly (string | number)[])[],
  footer: readonly (readonly (string | number)[])[] = [],
): string {
  return `\uFEFF${[header, ...lines, ...footer].map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/**
 * The first cell of a line after the accompaniments that says which tickets a line continued or gave: a kiosk's
 * export cannot know the other kiosks' parts of an accompaniment, so figures-merge joins them by these links.
 * La Coop's columns stay as they are; the mediator copies only the lines above.
 */
export const ticketLinksLabel = 'Tickets de reprise';
export const continuesWord = 'reprend';
export const givesWord = 'donne';

/** The ticket lines of a list of accompaniments: "Tickets de reprise;ligne N;reprend …;donne …" (N counts from 1). */
export function ticketLinkCells(lines: readonly Pick<AccompanimentLine, 'continues' | 'gives'>[]): string[][] {
  return lines.flatMap((line, n) =>
    line.continues.length + line.gives.length === 0
      ? []
      : [
          [
            ticketLinksLabel,
            `ligne ${n + 1}`,
            ...line.continues.map((link) => `${continuesWord} ${link}`),
            ...line.gives.map((link) => `${givesWord} ${link}`),
          ],
        ],
  );
}

/** The first cell of the CRA export's last line: the journal's head when the file was made, for `journal verify`. */
export const journalHeadLabel = 'Tête du journal';

/** That line's cells: the label, the row count, the short hash (and MAC), and the anchor as the command takes it. */
export function journalHeadCells(head: JournalHeadText): string[] {
  return [journalHeadLabel, `ligne ${head.rows}`, head.hash, head.mac ? `signée ${head.mac}` : 'non signée', head.anchor];
}

export function craCsv(
  db: Database.Database,
  place: SitePlace,
  titleOf: (journey: string) => string,
  filter: ActivityFilter = {},
  head?: JournalHeadText,
): string {
  const rows = db.prepare<[], DecodedJournalRow>('SELECT * FROM journal_decoded ORDER BY id').iterate();
  const lines = accompanimentLines(rows, filter);
  return csvFile(
    craColumns,
    lines.map((line) => craCells(line, place, titleOf)),
    [...ticketLinkCells(lines), ...(head ? [journalHeadCells(head)] : [])],
  );
}

export const stuckColumns = ['Mois', 'Démarche', 'Étape', 'Raison', 'Nombre'] as const;

/**
 * "Où les personnes bloquent", for a coordinator: blocked steps by month, journey, step and reason, from the day
 * totals retention kept and the journal rows still there. No day, no time, nothing of an accompaniment.
 */
export function stuckByMonth(db: Database.Database, filter: Pick<ActivityFilter, 'from' | 'to'> = {}) {
  return db
    .prepare<{ from: string; to: string }, { month: string; journey: string; step: string; reason: string; count: number }>(
      `SELECT substr(day, 1, 7) AS month, journey, step, reason, sum(count) AS count FROM (
         SELECT day, journey, step, reason, count FROM stuck_day
         UNION ALL SELECT substr(at, 1, 10), journey, step, blocked_reason, 1 FROM step_final WHERE outcome = 'blocked'
       ) WHERE day >= @from AND day <= @to GROUP BY month, journey, step, reason ORDER BY month, journey, step, reason`,
    )
    .all({ from: filter.from ?? '0000-00-00', to: filter.to ?? '9999-99-99' });
}
