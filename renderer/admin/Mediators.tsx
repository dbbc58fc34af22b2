// Mediator accounts: the admin creates them (name, role, PIN), gives a new PIN, disables or enables them.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { MediatorAccount, MediatorRole } from '../../common/api/types';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { FormActions } from '../components/FormActions';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';
import { isPin, PinField } from '../components/PinField';
import type { AdminApi } from '../kit/staff-api';
import { adminTexts as text, errorText } from './texts';

export function Mediators({ admin }: { admin: AdminApi }) {
  const [accounts, setAccounts] = useState<readonly MediatorAccount[]>([]);
  const [message, setMessage] = useState('');
  const load = useCallback(async () => {
    const answer = await admin['admin.mediators']({});
    if (answer.ok) setAccounts(answer.value);
  }, [admin]);
  useEffect(() => {
    let live = true;
    void admin['admin.mediators']({}).then((answer) => live && answer.ok && setAccounts(answer.value));
    return () => {
      live = false;
    };
  }, [admin]);

  const setDisabled = async (account: MediatorAccount) => {
    const answer = await admin['admin.mediatorDisable']({ id: account.id, disabled: !account.disabled });
    if (!answer.ok) return setMessage(errorText(answer.error));
    setMessage(account.disabled ? text.mediatorEnabled(account.displayName) : text.mediatorDisabled(account.displayName));
    await load();
  };

  return (
    <section aria-labelledby="mediators-heading" className="admin-section">
      <h2 id="mediators-heading">{text.mediatorsTitle}</h2>
      <p>{text.mediatorsIntro}</p>
      {accounts.length === 0 ? (
        <p>{text.mediatorsNone}</p>
      ) : (
        <ul className="mediator-accounts">
          {accounts.map((account) => (
            <li key={account.id} className="mediator-account">
              <p>
                <strong>{account.displayName}</strong>, {text.roles[account.role]}.{' '}
                {account.disabled ? text.stateDisabled : text.stateEnabled}
              </p>
              <div className="answer-row">
                <NewPin admin={admin} account={account} onDone={setMessage} />
                <Button className="action" onPress={() => void setDisabled(account)}>
                  {account.disabled ? text.enable(account.displayName) : text.disable(account.displayName)}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="form-message">
        {message}
      </p>
      <CreateMediator admin={admin} onCreated={(name) => (setMessage(text.mediatorCreated(name)), void load())} />
    </section>
  );
}

function CreateMediator({ admin, onCreated }: { admin: AdminApi; onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [pin, setPin] = useState('');
  const [keyboard, setKeyboard] = useState<'name' | 'pin' | null>(null);
  const [message, setMessage] = useState('');
  const nameField = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const displayName = name.trim();
    if (displayName.length < 2 || !/^[\p{L}\p{M}][\p{L}\p{M} '’.,-]*$/u.test(displayName)) return setMessage(text.nameShape);
    if (role !== 'professional' && role !== 'volunteer') return setMessage(text.chooseRole);
    if (!isPin(pin)) return setMessage(text.pinShape);
    const answer = await admin['admin.mediatorCreate']({ displayName, role: role as MediatorRole, pin });
    setPin('');
    if (!answer.ok) return setMessage(errorText(answer.error));
    setName('');
    setRole('');
    setMessage('');
    onCreated(displayName);
  };

  return (
    <Form className="admin-form" onSubmit={(event) => void submit(event)} aria-labelledby="create-mediator-heading">
      <h3 id="create-mediator-heading">{text.createTitle}</h3>
      <TextField className="text-field" value={name} onChange={setName} autoComplete="off">
        <Label className="field-label">{text.mediatorName}</Label>
        <Input className="text-input" ref={nameField} maxLength={40} />
      </TextField>
      <OnScreenKeyboard
        field={nameField}
        value={name}
        onChange={setName}
        locale="fr"
        maxLength={40}
        open={keyboard === 'name'}
        onOpenChange={(open) => setKeyboard(open ? 'name' : null)}
      />
      <p id="mediator-role" className="field-label">
        {text.mediatorRole}
      </p>
      <ChoiceGroup
        labelledBy="mediator-role"
        options={(['professional', 'volunteer'] as const).map((id) => ({ id, label: text.roles[id] }))}
        value={role}
        onChange={setRole}
      />
      <PinField
        label={text.mediatorPin}
        value={pin}
        onChange={setPin}
        locale="fr"
        keyboardOpen={keyboard === 'pin'}
        onKeyboardOpenChange={(open) => setKeyboard(open ? 'pin' : null)}
      />
      <p role="alert" className="form-message">
        {message}
      </p>
      <Button type="submit" className="action action-primary">
        {text.createSubmit}
      </Button>
    </Form>
  );
}

function NewPin({ admin, account, onDone }: { admin: AdminApi; account: MediatorAccount; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  if (!open) {
    return (
      <Button className="action" onPress={() => setOpen(true)}>
        {text.newPin(account.displayName)}
      </Button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isPin(pin)) return setMessage(text.pinShape);
    const answer = await admin['admin.mediatorReset']({ id: account.id, pin });
    setPin('');
    setOpen(false);
    onDone(answer.ok ? text.pinChanged(account.displayName) : errorText(answer.error));
  };
  return (
    <Form className="admin-form" onSubmit={(event) => void submit(event)}>
      <PinField label={text.newPinLabel(account.displayName)} value={pin} onChange={setPin} locale="fr" autoFocus />
      <FormActions message={message} cancelLabel={text.closeCancel} onCancel={() => setOpen(false)} submitLabel={text.newPinSubmit} />
    </Form>
  );
}
