// Activity figures for the mediators' reports: accompaniments by journey, outcome and duration, where people get
// stuck, as tables with simple bars, and the CSV in the columns of La Coop de la médiation numérique's report.
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ApiClient } from '../../common/api/contract';
import type { ActivityRow, StuckRow } from '../../common/api/types';
import { adminTexts as text } from './texts';

interface Totals {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly minutes: number;
}

/** Sums rows by a key: the count and the average duration in minutes. */
function totalsBy(rows: readonly ActivityRow[], keyOf: (row: ActivityRow) => string, labelOf: (key: string) => string): Totals[] {
  const sums = new Map<string, { count: number; seconds: number }>();
  for (const row of rows) {
    const sum = sums.get(keyOf(row)) ?? { count: 0, seconds: 0 };
    sum.count += row.accompaniments;
    sum.seconds += row.totalSeconds;
    sums.set(keyOf(row), sum);
  }
  return [...sums]
    .map(([key, sum]) => ({
      key,
      label: labelOf(key),
      count: sum.count,
      minutes: sum.count > 0 ? Math.round(sum.seconds / sum.count / 60) : 0,
    }))
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
                <td>{row.minutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function Activity({ api, token, onExpired }: { api: ApiClient; token: string; onExpired: () => void }) {
  const [figures, setFigures] = useState<{ activity: readonly ActivityRow[]; stuck: readonly StuckRow[] } | null>(null);
  const [download, setDownload] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void api['admin.activity']({ token }).then((answer) => (answer.ok ? setFigures(answer.value) : onExpired()));
  }, [api, token, onExpired]);
  useEffect(() => () => void (download && URL.revokeObjectURL(download)), [download]);

  const prepareCsv = async () => {
    const answer = await api['admin.activityCsv']({ token });
    if (!answer.ok) return onExpired();
    setDownload(URL.createObjectURL(new Blob([answer.value.csv], { type: 'text/csv;charset=utf-8' })));
  };

  const saveOnKiosk = async () => {
    const answer = await api['admin.activityExport']({ token });
    if (!answer.ok && answer.error === 'admin.unauthorised') return onExpired();
    setSaved(answer.ok ? text.csvSaved(answer.value.file, answer.value.folder) : text.csvNotSaved);
  };

  if (!figures) return null;
  const stuck = new Map<string, number>();
  for (const row of figures.stuck) {
    const where = `${row.journey} · ${row.step} · ${text.reasons[row.reason as keyof typeof text.reasons] ?? row.reason}`;
    stuck.set(where, (stuck.get(where) ?? 0) + row.count);
  }
  const stuckRows = [...stuck].sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="activity-heading" className="admin-section">
      <h2 id="activity-heading">{text.activityTitle}</h2>
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
              (k) => k,
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
    </section>
  );
}
