// The app's modal dialog: a trigger button, a titled dialog over a dimmed screen, closed by Escape or a tap outside.
// Every dialog can be read aloud, like every page.
import { useRef, type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from './ReadAloud';

interface KioskDialogProps {
  /** The button that opens the dialog (a react-aria Button). */
  readonly trigger: ReactNode;
  readonly title: string;
  /** alertdialog for a confirmation that interrupts, dialog otherwise. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly children: (close: () => void) => ReactNode;
}

export function KioskDialog({ trigger, title, role = 'dialog', children }: KioskDialogProps) {
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role={role} className="dialog">
            {({ close }) => (
              <DialogBody title={title} close={close}>
                {children}
              </DialogBody>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function DialogBody({ title, close, children }: { title: string; close: () => void; children: (close: () => void) => ReactNode }) {
  const { i18n } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  return (
    <div ref={body}>
      <Heading slot="title" className="dialog-title">
        {title}
      </Heading>
      <ReadAloud target={() => body.current} lang={i18n.language} />
      {children(close)}
    </div>
  );
}

/** The dialog's closing row: one "Fermer" button, focused when the dialog opens. */
export function DialogClose({ close }: { close: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <Button className="action action-primary" onPress={close} autoFocus>
        {t('glossary.close')}
      </Button>
    </div>
  );
}
