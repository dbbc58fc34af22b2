// How easy each page of the content pack is to read, worst first, and which pages are due to be read again against
// their sources: what a site checks after adding its own content.
import { useEffect, useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import type { AdminApi } from '../kit/staff-api';
import type { ItemReadability, Locale, PublicSettings } from '../../common/api/types';
import { languages } from '../i18n/languages';
import { adminTexts as text } from './texts';

export function ReadabilityReport({ admin, settings }: { admin: AdminApi; settings: PublicSettings }) {
  const [locale, setLocale] = useState<Locale>(settings.defaultLocale);
  const [rows, setRows] = useState<readonly ItemReadability[] | null>(null);

  useEffect(() => {
    let current = true;
    void admin['admin.readability']({ locale }).then((answer) => {
      if (!current) return;
      setRows(answer.ok ? answer.value : []);
    });
    return () => {
      current = false;
    };
  }, [admin, locale]);

  return (
    <section aria-labelledby="readability-heading" className="admin-section">
      <h2 id="readability-heading">{text.readabilityTitle}</h2>
      <p>{text.readabilityIntro}</p>
      <h3 id="readability-locale">{text.readabilityLocale}</h3>
      <ToggleButtonGroup
        className="choice-group"
        aria-labelledby="readability-locale"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[locale]}
        onSelectionChange={(keys) => setLocale([...keys][0] as Locale)}
      >
        {settings.locales.map((l) => (
          <ToggleButton key={l} id={l} className="language-option" lang={l}>
            {languages[l].autonym}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {rows && <DueForReview rows={rows} locale={locale} />}
      {rows && (
        <div className="table-scroll" role="region" aria-labelledby="readability-heading" tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{text.columns.page}</th>
                <th scope="col">{text.columns.kind}</th>
                <th scope="col">{text.columns.score}</th>
                <th scope="col">{text.columns.longest}</th>
                <th scope="col">{text.columns.state}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-ok={row.ok}>
                  <th scope="row" lang={locale}>
                    {row.title}
                  </th>
                  <td>{text.kinds[row.kind]}</td>
                  <td>{row.score ?? text.noScore}</td>
                  <td>{row.longestSentence}</td>
                  <td>{row.ok ? text.stateOk : text.stateReview}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Days before its review date when a page is listed (the content linter warns from the same day). */
const reviewNoticeDays = 30;

/** The pages whose review date has passed or comes within 30 days, soonest first. */
function DueForReview({ rows, locale }: { rows: readonly ItemReadability[]; locale: Locale }) {
  // The day the report was opened: it does not move while the admin reads it.
  const [now] = useState(() => Date.now());
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  const today = day(now);
  const notice = day(now + reviewNoticeDays * 86_400_000);
  const due = rows.filter((row) => row.reviewBy <= notice).sort((a, b) => a.reviewBy.localeCompare(b.reviewBy));
  return (
    <>
      <h3 id="review-heading">{text.reviewTitle}</h3>
      <p>{text.reviewIntro}</p>
      {due.length === 0 ? (
        <p>{text.reviewNone}</p>
      ) : (
        <ul aria-labelledby="review-heading">
          {due.map((row) => (
            <li key={row.id}>
              <span lang={locale}>{row.title}</span> :{' '}
              {row.reviewBy < today ? text.reviewPast(row.reviewBy) : text.reviewSoon(row.reviewBy)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
