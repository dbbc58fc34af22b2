// "Vous êtes encore là ?": shown after the idle time; counts down 30 seconds (at least 20, WCAG 2.2.1), says what will
// be erased, and one tap anywhere (or any key) keeps the visit going, as many times as needed.
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../components/ReadAloud';

export const warningSeconds = 30;

export function IdleWarning({ onStay, onEnd }: { onStay: () => void; onEnd: () => void }) {
  const { t, i18n } = useTranslation();
  const [left, setLeft] = useState(warningSeconds);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const endsAt = Date.now() + warningSeconds * 1000;
    const tick = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(tick);
        onEnd();
      }
    }, 250);
    return () => clearInterval(tick);
  }, [onEnd]);

  // Screen readers hear the warning when it opens, then at 20, 10 and 5 seconds: not every second.
  const spoken = [20, 10, 5].find((mark) => left <= mark && left > mark - 5) ?? warningSeconds;

  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => !open && onStay()}>
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog idle-warning">
          <div ref={body}>
            <Heading slot="title" className="dialog-title">
              {t('idle.title')}
            </Heading>
            <ReadAloud target={() => body.current} lang={i18n.language} />
            <p className="idle-count" role="timer" aria-live="off">
              {t('idle.countdown', { count: left })}
            </p>
            <p className="visually-hidden" aria-live="assertive">
              {t('idle.countdown', { count: spoken })}
            </p>
            <p>{t('idle.ends')}</p>
            <p>{t('idle.erase')}</p>
            <div className="dialog-actions">
              <Button className="action action-primary" onPress={onStay} autoFocus>
                {t('idle.stay')}
              </Button>
              <Button className="action" onPress={onEnd}>
                {t('idle.end')}
              </Button>
            </div>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
