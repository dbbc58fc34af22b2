// Shown when the page cannot reach the kiosk's services: a message for the site's staff instead of a blank window.
import type { i18n } from 'i18next';
import { TextsProvider, useTranslation } from '../i18n/texts';

function Message({ error }: { error: string }) {
  const { t } = useTranslation();
  return (
    <main className="content startup-problem">
      <h1>{t('startup.title')}</h1>
      <p>{t('startup.text')}</p>
      <p className="note">{t('startup.code', { code: error })}</p>
    </main>
  );
}

export function StartupProblem({ i18n, error }: { i18n: i18n; error: string }) {
  return (
    <TextsProvider i18n={i18n}>
      <Message error={error} />
    </TextsProvider>
  );
}
