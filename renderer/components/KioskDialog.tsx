// The app's modal dialog: a trigger button, a titled dialog over a dimmed screen, closed by Escape or a tap outside.
import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

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
              <>
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
