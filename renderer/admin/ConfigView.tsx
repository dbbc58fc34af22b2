// The configuration the kiosk runs with, for the site's admin: every field, its value, and the file it came from.
import { useEffect, useState, type ReactNode } from 'react';
import type { AdminApi } from '../kit/staff-api';
import type { EffectiveConfig } from '../../common/api/types';
import { configTexts as text } from './config-texts';

type Field = keyof typeof text.labels;

function valueOf(config: EffectiveConfig, field: Field): ReactNode {
  const yesNo = (value: boolean) => (value ? text.yes : text.no);
  switch (field) {
    case 'siteName':
      return config.siteName;
    case 'siteType':
      return text.siteTypes[config.siteType];
    case 'siteAddress':
    case 'siteCity':
    case 'sitePostcode':
    case 'siteInsee':
      return config[field] ?? text.notGiven;
    case 'locales':
      return config.locales.map((l) => text.locales[l]).join(', ');
    case 'defaultLocale':
      return text.locales[config.defaultLocale];
    case 'idleTimeoutSeconds':
      return text.seconds(config.idleTimeoutSeconds);
    case 'kiosk':
    case 'assistedMode':
    case 'printing':
    case 'headsetJack':
    case 'allowUnsignedPacks':
    case 'journalSigning':
      return yesNo(config[field]);
    case 'host':
      return text.hosts[config.host];
    case 'port':
      return config.port === 0 ? text.anyPort : String(config.port);
    case 'dataDir':
      return <code>{config.dataDir}</code>;
    case 'contentPublicKey':
      return config.contentPublicKey === null ? (
        text.noKey
      ) : (
        <>
          <code>{config.contentPublicKey}</code>
          {config.contentKeyFingerprint && ` (${text.fingerprint(config.contentKeyFingerprint)})`}
        </>
      );
    case 'contentUpdate':
      return config.contentUpdate === null ? text.noUpdate : text.every(config.contentUpdate.source, config.contentUpdate.intervalMinutes);
    case 'allowedOrigins':
    case 'officialDomains':
      return config[field].length === 0 ? text.none : <ValueList items={config[field]} />;
    case 'retentionDays':
    case 'ticketDays':
      return text.days(config[field]);
    case 'helpPlaces':
      return config.helpPlaces.length === 0 ? (
        text.none
      ) : (
        <ValueList items={config.helpPlaces.map((p) => [p.name, p.phone, p.address, p.hours].filter(Boolean).join(' · '))} />
      );
  }
}

function ValueList({ items }: { items: readonly string[] }) {
  return (
    <ul className="config-values">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function ConfigView({ admin }: { admin: AdminApi }) {
  const [config, setConfig] = useState<EffectiveConfig | null | 'failed'>(null);

  useEffect(() => {
    let current = true;
    void admin['admin.config']({}).then((answer) => {
      if (!current) return;
      setConfig(answer.ok ? answer.value : 'failed');
    });
    return () => {
      current = false;
    };
  }, [admin]);

  return (
    <section aria-labelledby="config-heading" className="admin-section">
      <h2 id="config-heading">{text.title}</h2>
      <p>{text.intro}</p>
      {config === 'failed' && <p role="alert">{text.unavailable}</p>}
      {config !== null && config !== 'failed' && (
        <>
          <p>
            {text.file} : {config.configFile === null ? text.noFile : <code>{config.configFile}</code>}
          </p>
          <div className="table-scroll" role="region" aria-labelledby="config-heading" tabIndex={0}>
            <table className="admin-table config-table">
              <thead>
                <tr>
                  <th scope="col">{text.columns.setting}</th>
                  <th scope="col">{text.columns.value}</th>
                  <th scope="col">{text.columns.field}</th>
                </tr>
              </thead>
              <tbody>
                {(Object.keys(text.labels) as Field[]).map((field) => (
                  <tr key={field}>
                    <th scope="row">{text.labels[field]}</th>
                    <td>{valueOf(config, field)}</td>
                    <td>
                      <code>{field}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
