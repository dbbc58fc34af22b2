// The app's modal dialog: a trigger button, a titled dialog over a dimmed screen, closed by Escape or a tap outside.
// The trigger is in the first screen's script; the dialog's code (focus trap, overlay) comes with the code fetched
// in idle time (renderer/components/KioskModal.tsx), so the first tap still opens it at once.
import { Suspense, useId, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import { along, onDemand } from '../kit/on-demand';
import { completeFrench } from '../i18n/setup';
import { NavButton } from './NavButton';

/** The button that opens the dialog: its look, its text, and a name of its own where the text is not enough. */
export interface DialogTrigger {
  readonly className: string;
  readonly label: ReactNode;
  readonly ariaLabel?: string;
}

interface KioskDialogProps {
  readonly trigger: DialogTrigger;
  readonly title: string;
  /** alertdialog for a confirmation that interrupts, dialog otherwise. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly children: (close: () => void) => ReactNode;
}

export const KioskModal = onDemand(
  'KioskModal',
  along(completeFrench, () => import('./KioskModal').then((m) => m.KioskModal)),
);

export function KioskDialog({ trigger, title, role = 'dialog', children }: KioskDialogProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      {/* It opens the dialog, says it does, and names it while open. */}
      <NavButton
        className={trigger.className}
        aria-label={trigger.ariaLabel}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onPress={() => setOpen(true)}
      >
        {trigger.label}
      </NavButton>
      {open && (
        <Suspense fallback={null}>
          <KioskModal.Component id={id} title={title} role={role} onClose={() => setOpen(false)}>
            {children}
          </KioskModal.Component>
        </Suspense>
      )}
    </>
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
