// The open dialog of renderer/components/KioskDialog.tsx: over a dimmed screen, the focus kept inside, closed by
// Escape or a tap outside (the focus then goes back to the button that opened it). Every dialog can be read aloud.
import { useRef, type ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import { ReadAloud } from './ReadAloud';

interface KioskModalProps {
  /** The id its trigger names in aria-controls. */
  readonly id: string;
  readonly title: string;
  readonly role: 'dialog' | 'alertdialog';
  readonly onClose: () => void;
  readonly children: (close: () => void) => ReactNode;
}

export function KioskModal({ id, title, role, onClose, children }: KioskModalProps) {
  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal">
        <Dialog id={id} role={role} className="dialog">
          <DialogBody title={title} close={onClose}>
            {children}
          </DialogBody>
        </Dialog>
      </Modal>
    </ModalOverlay>
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
