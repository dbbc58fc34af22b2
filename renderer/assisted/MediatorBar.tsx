// While assisted mode is open: who accompanies the visitor, resuming from a ticket, and closing assisted mode.
import { useRef, useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { Navigate } from '../kit/screens';
import { KioskDialog } from '../components/KioskDialog';
import { FormActions } from '../components/FormActions';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';
import { useAssisted } from './AssistedContext';
import { staffLang, staffLocale, useStaffT } from './staff-language';

export function MediatorBar({ navigate }: { navigate: Navigate }) {
  const t = useStaffT();
  const { mediator, lock } = useAssisted();
  if (!mediator) return null;
  return (
    <section className="mediator-bar" aria-label={t('assisted.barLabel')} {...staffLang}>
      <p className="mediator-who">{t('assisted.bar', { name: mediator.displayName, role: t(`assisted.roles.${mediator.role}`) })}</p>
      <div className="actions">
        <KioskDialog trigger={{ className: 'action', label: t('assisted.resume') }} title={t('assisted.resumeTitle')}>
          {(close) => <ResumeForm close={close} navigate={navigate} />}
        </KioskDialog>
        <Button
          className="action"
          onPress={() => {
            void mediator.api['mediator.lock']({});
            lock();
          }}
        >
          {t('assisted.lock')}
        </Button>
      </div>
    </section>
  );
}

function ResumeForm({ close, navigate }: { close: () => void; navigate: Navigate }) {
  const t = useStaffT();
  const { mediator, setResume } = useAssisted();
  const [code, setCode] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [message, setMessage] = useState('');
  const field = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!mediator) return;
    const answer = await mediator.api['assisted.ticketUse']({ code: code.slice(0, 40) });
    if (answer.ok) {
      setResume(answer.value);
      close();
      return navigate({ name: 'item', id: answer.value.journey });
    }
    // An ended session has already closed assisted mode (and this form with it).
    if (answer.error === 'mediator.locked') return;
    const known = {
      'ticket.invalid': 'ticketInvalid',
      'ticket.unknown': 'ticketUnknown',
      'ticket.expired': 'ticketExpired',
      'ticket.tooMany': 'ticketTooMany',
    } as const;
    setMessage(t(`assisted.${answer.error in known ? known[answer.error as keyof typeof known] : 'unreachable'}`));
  };

  return (
    <Form className="admin-form" onSubmit={(event) => void submit(event)} {...staffLang}>
      <TextField className="text-field" value={code} onChange={(value) => setCode(value.toUpperCase())} autoComplete="off">
        <Label className="field-label">{t('assisted.ticketLabel')}</Label>
        <Input className="text-input ticket-input" ref={field} maxLength={32} dir="ltr" />
      </TextField>
      {/* Ticket codes use Latin capitals and digits, whatever the visitor's language. */}
      <OnScreenKeyboard
        field={field}
        value={code}
        onChange={(value) => setCode(value.toUpperCase())}
        locale={staffLocale}
        maxLength={32}
        open={keyboard}
        onOpenChange={setKeyboard}
      />
      <FormActions message={message} cancelLabel={t('assisted.cancel')} onCancel={close} submitLabel={t('assisted.ticketGo')} />
    </Form>
  );
}
