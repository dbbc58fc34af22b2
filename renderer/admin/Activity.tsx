// Activity figures for the mediators' reports: accompaniments by journey, outcome and duration, where people get
// stuck, for a period and a mediator; the lines to copy into La Coop de la médiation numérique (printable), and the
// CSV files (La Coop's columns; "où les personnes bloquent" by month for a coordinator).
import { useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ApiClient } from '../../common/api/contract';
import type { ActivityRow, HostCapabilities, JournalHeadText, JournalStatus, MediatorAccount, StuckRow } from '../../common/api/types';
import type { AdminApi } from '../kit/staff-api';
import { printPage } from '../kit/print';
import { adminTexts as text, errorText } from './texts';
import { JournalHead, JournalIntegrity } from './JournalIntegrity';

interface Totals {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly seconds: number;
}

interface Filter {
  readonly from: string;
  readonly to: string;
  readonly mediator: string;
}

/** Sums rows by a key: the count and the average duration in seconds. */
function totalsBy(rows: readonly ActivityRow[], keyOf: (row: ActivityRow) => string, labelOf: (key: string) => string): Totals[] {
  const sums = new Map<string, { count: number; seconds: number }>();
  for (const row of rows) {
    const sum = sums.get(keyOf(row)) ?? { count: 0, seconds: 0 };
    sum.count += row.accompaniments;
    sum.seconds += row.totalSeconds;
    sums.set(keyOf(row), sum);
  }
  return [...sums]
    .map(([key, sum]) => ({ key, label: labelOf(key), count: sum.count, seconds: sum.count > 0 ? sum.seconds / sum.count : 0 }))
    .sort((a, b) => b.count - a.count);
}

function Bars({ id, title, rows, unit }: { id: string; title: string; rows: readonly Totals[]; unit: (count: number) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <>
      <h3 id={id}>{title}</h3>
      <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="admin-table activity-table">
          <thead>
            <tr>
              <th scope="col">{text.activityColumns.what}</th>
              <th scope="col">{text.activityColumns.count}</th>
              <th scope="col">{text.activityColumns.minutes}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>
                  <span className="bar" style={{ inlineSize: `${(row.count / max) * 100}%` }} aria-hidden="true" />
                  {unit(row.count)}
                </td>
                <td>{text.minutes(row.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A file the admin downloads: prepared on a tap, then offered as a link (revoked when replaced or gone). */
function useDownload(): [string | null, (csv: string) => void] {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return [url, (csv) => setUrl(URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })))];
}

export function Activity({ api, admin, capabilities }: { api: ApiClient; admin: AdminApi; capabilities: HostCapabilities }) {
  const [filter, setFilter] = useState<Filter>({ from: '', to: '', mediator: '' });
  const [mediators, setMediators] = useState<readonly MediatorAccount[]>([]);
  const [figures, setFigures] = useState<{
    activity: readonly ActivityRow[];
    stuck: readonly StuckRow[];
    titles: Readonly<Record<string, string>>;
    journal: { head: JournalHeadText; status: JournalStatus } | null;
  } | null>(null);
  const [lines, setLines] = useState<{
    columns: readonly string[];
    lines: readonly (readonly string[])[];
    head: JournalHeadText | null;
  } | null>(null);
  const [download, setDownload] = useDownload();
  const [stuckDownload, setStuckDownload] = useDownload();
  const [saved, setSaved] = useState('');
  const [printed, setPrinted] = useState('');

  // A new filter makes new figures: the note of the last print goes.
  const changeFilter = (next: Filter) => {
    setFilter(next);
    setPrinted('');
  };
  // The same filter gives the same objects: the figures load again only when it changes.
  const period = useMemo(
    () => ({ ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) }),
    [filter.from, filter.to],
  );
  const scope = useMemo(
    () => ({ ...period, ...(filter.mediator ? { mediator: Number(filter.mediator) } : {}) }),
    [period, filter.mediator],
  );

  useEffect(() => {
    void admin['admin.mediators']({}).then((answer) => answer.ok && setMediators(answer.value));
  }, [admin]);
  useEffect(() => {
    void admin['admin.activity'](period).then((answer) => answer.ok && setFigures(answer.value));
    void admin['admin.activityLines'](scope).then((answer) => answer.ok && setLines(answer.value));
  }, [admin, period, scope]);

  const prepareCsv = async () => {
    const answer = await admin['admin.activityCsv'](scope);
    if (!answer.ok) return setSaved(errorText(answer.error));
    setDownload(answer.value.csv);
  };
  const prepareStuck = async () => {
    const answer = await admin['admin.stuckCsv'](period);
    if (!answer.ok) return setSaved(errorText(answer.error));
    setStuckDownload(answer.value.csv);
  };
  const saveOnKiosk = async () => {
    const answer = await admin['admin.activityExport'](scope);
    setSaved(answer.ok ? text.csvSaved(answer.value.file, answer.value.folder) : text.csvNotSaved);
  };
  const printLines = async () => setPrinted((await printPage(api, capabilities)) === 'failed' ? text.linesNotPrinted : text.linesPrinted);

  if (!figures) return null;
  const title = (key: string, fallback: string) => figures.titles[key] ?? fallback;
  const stuck = new Map<string, number>();
  for (const row of figures.stuck) {
    const reason = text.reasons[row.reason as keyof typeof text.reasons] ?? row.reason;
    const where = `${title(row.journey, row.journey)} · ${title(`${row.journey}/${row.step}`, row.step)} · ${reason}`;
    stuck.set(where, (stuck.get(where) ?? 0) + row.count);
  }
  const stuckRows = [...stuck].sort((a, b) => b[1] - a[1]);
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return (
    <section aria-labelledby="activity-heading" className="admin-section">
      <h2 id="activity-heading">{text.activityTitle}</h2>
      {figures.journal && <JournalIntegrity journal={figures.journal} />}

      <fieldset className="activity-filter">
        <legend>{text.filterTitle}</legend>
        <label className="field-label">
          {text.filterFrom}{' '}
          <input
            type="date"
            className="text-input"
            value={filter.from}
            onChange={(e) => changeFilter({ ...filter, from: e.target.value })}
          />
        </label>
        <label className="field-label">
          {text.filterTo}{' '}
          <input type="date" className="text-input" value={filter.to} onChange={(e) => changeFilter({ ...filter, to: e.target.value })} />
        </label>
        <label className="field-label">
          {text.filterMediator}{' '}
          <select className="text-input" value={filter.mediator} onChange={(e) => changeFilter({ ...filter, mediator: e.target.value })}>
            <option value="">{text.filterEveryone}</option>
            {mediators.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <div className="answer-row">
          <Button className="action" onPress={() => changeFilter({ ...filter, from: today, to: today })}>
            {text.filterToday}
          </Button>
          <Button className="action" onPress={() => changeFilter({ ...filter, from: '', to: '' })}>
            {text.filterAll}
          </Button>
        </div>
      </fieldset>

      {figures.activity.length === 0 ? (
        <p>{text.activityNone}</p>
      ) : (
        <>
          <Bars
            id="activity-journeys"
            title={text.activityByJourney}
            rows={totalsBy(
              figures.activity,
              (r) => r.journey,
              (k) => title(k, k),
            )}
            unit={text.accompaniments}
          />
          <Bars
            id="activity-outcomes"
            title={text.activityByOutcome}
            rows={totalsBy(
              figures.activity,
              (r) => r.outcome,
              (k) => text.outcomes[k as keyof typeof text.outcomes] ?? k,
            )}
            unit={text.accompaniments}
          />
        </>
      )}
      <h3 id="stuck-heading">{text.stuckTitle}</h3>
      {stuckRows.length === 0 ? (
        <p>{text.stuckNone}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="stuck-heading" tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{text.activityColumns.where}</th>
                <th scope="col">{text.activityColumns.times}</th>
              </tr>
            </thead>
            <tbody>
              {stuckRows.map(([where, count]) => (
                <tr key={where}>
                  <th scope="row">{where}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="print-card coop-lines">
        <h3 id="lines-heading">{text.linesTitle}</h3>
        <p className="no-print">{text.linesIntro}</p>
        {!lines || lines.lines.length === 0 ? (
          <p>{text.linesNone}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="lines-heading" tabIndex={0}>
            <table className="admin-table">
              <thead>
                <tr>
                  {lines.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lines.lines.map((cells, n) => (
                  <tr key={n}>
                    {cells.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {lines?.head && (
          <p>
            {text.journalHead} : <JournalHead head={lines.head} />
          </p>
        )}
      </div>
      <div className="answer-row">
        <Button className="action" isDisabled={!lines || lines.lines.length === 0} onPress={() => void printLines()}>
          {text.linesPrint}
        </Button>
      </div>
      <p role="status" className="form-message">
        {printed}
      </p>

      <h3>{text.csvTitle}</h3>
      <p>{text.csvIntro}</p>
      <div className="answer-row">
        <Button className="action" onPress={() => void saveOnKiosk()}>
          {text.csvSave}
        </Button>
        <Button className="action" onPress={() => void prepareCsv()}>
          {text.csvPrepare}
        </Button>
        {download && (
          <a className="action action-primary" href={download} download="activite-mediation.csv">
            {text.csvDownload}
          </a>
        )}
      </div>
      <p role="status" className="form-message">
        {saved}
      </p>
      <div className="answer-row">
        <Button className="action" onPress={() => void prepareStuck()}>
          {text.stuckCsvPrepare}
        </Button>
        {stuckDownload && (
          <a className="action action-primary" href={stuckDownload} download="ou-les-personnes-bloquent.csv">
            {text.stuckCsvDownload}
          </a>
        )}
      </div>
    </section>
  );
}
