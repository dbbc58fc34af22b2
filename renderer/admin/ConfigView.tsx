// The configuration the kiosk runs with, for the site's admin: every field of the schema, its value, and the file it came from.
import { useEffect, useState, type ReactNode } from 'react';
import type { AdminApi } from '../kit/staff-api';
import { configFieldNames, titleOf } from '../../common/config/config-fields';
import type { ConfigFieldName, EffectiveConfig } from '../../common/config/site-config';
import { configTexts as text } from './config-texts';

/** Fields whose value needs words or a unit; any other field is shown by the kind of its value. */
const shown: { readonly [K in ConfigFieldName]?: (config: EffectiveConfig) => ReactNode } = {
  siteType: (config) => text.siteTypes[config.siteType],
  locales: (config) => config.locales.map((l) => text.locales[l]).join(', '),
  defaultLocale: (config) => text.locales[config.defaultLocale],
  idleTimeoutSeconds: (config) => text.seconds(config.idleTimeoutSeconds),
  host: (config) => text.hosts[config.host],
  port: (config) => (config.port === 0 ? text.anyPort : String(config.port)),
  dataDir: (config) => <code>{config.dataDir}</code>,
  contentPublicKey: (config) =>
    config.contentPublicKey === null ? (
      text.noKey
    ) : (
      <>
        <code>{config.contentPublicKey}</code>
        {config.contentKeyFingerprint && ` (${text.fingerprint(config.contentKeyFingerprint)})`}
      </>
    ),
  contentUpdate: (config) =>
    config.contentUpdate === null ? text.noUpdate : text.every(config.contentUpdate.source, config.contentUpdate.intervalMinutes),
  retentionDays: (config) => text.days(config.retentionDays),
  ticketDays: (config) => text.days(config.ticketDays),
};

/** A value by its kind: yes or no, a number, a text, a list (of texts, or of records shown as their values). */
function plainValue(value: unknown): ReactNode {
  if (value === null || value === undefined) return text.notGiven;
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (Array.isArray(value)) return value.length === 0 ? text.none : <ValueList items={value.map(entryText)} />;
  return entryText(value);
}

const entryText = (value: unknown): string =>
  typeof value === 'object' && value !== null ? Object.values(value).filter(Boolean).map(String).join(' · ') : String(value);

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
                {configFieldNames.map((field) => (
                  <tr key={field}>
                    <th scope="row">{titleOf(field)}</th>
                    <td>{shown[field]?.(config) ?? plainValue(config[field])}</td>
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
