// The mediator's unlock form (their name, their PIN): fetched with the other screens, outside the home's script.
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { MediatorAccount } from '../../common/api/types';
import { useKiosk } from '../kit/KioskContext';
import { FormActions } from '../components/FormActions';
import { isPin, PinField } from '../components/PinField';
import { useAssisted } from './AssistedContext';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { staffLocale, useStaffT } from './staff-language';

export function UnlockForm({ close }: { close: () => void }) {
  const t = useStaffT();
  const { api } = useKiosk();
  const { unlock } = useAssisted();
  const [names, setNames] = useState<readonly Pick<MediatorAccount, 'id' | 'displayName'>[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void api['mediator.list']({}).then((answer) => setNames(answer.ok ? answer.value : []));
  }, [api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setMessage(t('assisted.chooseName'));
    if (!isPin(pin)) return setMessage(t('assisted.pinShape'));
    const answer = await api['mediator.unlock']({ id: Number(chosen), pin });
    setPin('');
    if (!answer.ok) return setMessage(t('assisted.unreachable'));
    const result = answer.value;
    if (result.outcome === 'ok') {
      unlock({ token: result.token, displayName: result.displayName, role: result.role });
      return close();
    }
    setMessage(
      result.outcome === 'wrong'
        ? t('assisted.wrong', { left: result.attemptsBeforeLock })
        : result.outcome === 'locked'
          ? t('assisted.locked', { seconds: result.retryAfterSeconds })
          : t('assisted.accountBlocked'),
    );
  };

  if (names === null) return <p role="status">{t('app.loading')}</p>;
  if (names.length === 0) return <p>{t('assisted.noMediator')}</p>;
  return (
    <Form className="admin-form" onSubmit={(event) => void submit(event)}>
      <p id="mediator-names" className="field-label">
        {t('assisted.who')}
      </p>
      <ChoiceGroup
        labelledBy="mediator-names"
        options={names.map((m) => ({ id: String(m.id), label: m.displayName }))}
        value={chosen}
        onChange={setChosen}
      />
      <PinField label={t('assisted.pin')} value={pin} onChange={setPin} locale={staffLocale} />
      <FormActions message={message} cancelLabel={t('assisted.cancel')} onCancel={close} submitLabel={t('assisted.unlock')} />
    </Form>
  );
}
