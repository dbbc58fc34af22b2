// "Terminer": asks for confirmation, says what will be erased, then ends the visit.
import { Button } from 'react-aria-components';
import { useTranslation } from '../../i18n/texts';
import { KioskDialog } from '../../components/KioskDialog';

export function EndVisitDialog({ onEnd }: { onEnd: () => void }) {
  const { t } = useTranslation();
  return (
    <KioskDialog trigger={{ className: 'action action-end', label: t('nav.end') }} title={t('end.title')} role="alertdialog">
      {(close) => (
        <>
          <p>{t('end.erase')}</p>
          <ul>
            <li>{t('end.typed')}</li>
            <li>{t('end.pages')}</li>
            <li>{t('end.choices')}</li>
          </ul>
          <p>{t('end.back')}</p>
          <div className="dialog-actions">
            <Button className="action" onPress={close} autoFocus>
              {t('end.cancel')}
            </Button>
            <Button
              className="action action-primary"
              onPress={() => {
                close();
                onEnd();
              }}
            >
              {t('end.confirm')}
            </Button>
          </div>
        </>
      )}
    </KioskDialog>
  );
}
