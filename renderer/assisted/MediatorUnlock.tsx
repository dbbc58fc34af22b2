// "Espace médiateur": a mediator picks their name and types their PIN (digits keyboard on screen) to open assisted mode.
import { Suspense } from 'react';
import { KioskDialog } from '../components/KioskDialog';
import { along, onDemand } from '../kit/on-demand';
import { completeFrench } from '../i18n/setup';
import { useAssisted } from './AssistedContext';
import { useStaffT } from './staff-language';

/** The form is fetched when the app prefetches the visit's screens (renderer/visit/screens-on-demand.ts). */
export const UnlockForm = onDemand(
  'UnlockForm',
  along(completeFrench, () => import('./MediatorUnlockForm').then((m) => m.UnlockForm)),
);

export function MediatorUnlock() {
  const t = useStaffT();
  const { enabled, mediator } = useAssisted();
  if (!enabled || mediator) return null;
  return (
    <KioskDialog trigger={{ className: 'action mediator-entry', label: t('assisted.entry') }} title={t('assisted.unlockTitle')}>
      {(close) => (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <UnlockForm.Component close={close} />
        </Suspense>
      )}
    </KioskDialog>
  );
}
