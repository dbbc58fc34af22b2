// When no content pack can be served, says so plainly, with a code for the site's IT person.
import { useCallback } from 'react';
import { useTranslation } from '../i18n/texts';
import { useKiosk } from '../kit/KioskContext';
import { useApiResult } from '../kit/useApiResult';

export function ContentProblemNotice() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const status = useApiResult(useCallback(() => api['kiosk.status']({}), [api]));
  const problem = status.state === 'ok' ? status.value.contentProblem : null;
  if (!problem) return null;
  return (
    <section className="note content-problem" role="alert">
      <p>
        <strong>{t('contentProblem.title')}</strong>
      </p>
      <p>{t('contentProblem.still')}</p>
      <p>{t('contentProblem.staff', { code: problem })}</p>
    </section>
  );
}
