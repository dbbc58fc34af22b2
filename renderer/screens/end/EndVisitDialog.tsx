// "Terminer": asks for confirmation, says what will be erased, then ends the visit.
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export function EndVisitDialog({ onEnd }: { onEnd: () => void }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="action action-end">{t('nav.end')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {t('end.title')}
                </Heading>
                <p>{t('end.erase')}</p>
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
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
