// The admin area, reached by a hidden gesture: first run sets the passphrase (with the one-time code from the kiosk's
// disk), then a login opens the admin views. Too many wrong passphrases block it until the code sets a new one.
// It leaves by its button or after five minutes without a touch, back to a clean visitor home screen.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { ApiClient } from '../../common/api/contract';
import type { AdminStatus, PublicSettings, StateRecovery } from '../../common/api/types';
import { KioskDialog } from '../components/KioskDialog';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';
import { Activity } from './Activity';
import { Mediators } from './Mediators';
import { ConfigView } from './ConfigView';
import { ReadabilityReport } from './ReadabilityReport';
import { SelfCheck } from './SelfCheck';
import { staffApi, type AdminApi } from '../kit/staff-api';
import { adminTexts as text, errorText } from './texts';

const idleExitMs = 5 * 60_000;

export function AdminArea({ api, settings, onExit }: { api: ApiClient; settings: PublicSettings; onExit: () => void }) {
  const [status, setStatus] = useState<AdminStatus | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // A session that ran out (idle time on the host) sends the admin back to the login.
  const expire = useCallback(() => setToken(null), []);
  // The admin's calls carry the session's token; a call answered "session over" closes the area's session here.
  const admin = useMemo(() => (token ? staffApi(api, 'admin', token, expire) : null), [api, token, expire]);

  useEffect(() => {
    void api['admin.status']({}).then((answer) =>
      setStatus(answer.ok ? answer.value : { configured: false, blocked: false, recovery: null }),
    );
    heading.current?.focus();
  }, [api]);

  // Staff may walk away: the area closes itself.
  useEffect(() => {
    let timer = setTimeout(onExit, idleExitMs);
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(onExit, idleExitMs);
    };
    const activity = ['pointerdown', 'keydown'] as const;
    for (const name of activity) window.addEventListener(name, again);
    return () => {
      clearTimeout(timer);
      for (const name of activity) window.removeEventListener(name, again);
    };
  }, [onExit]);

  const exit = () => {
    if (token) void api['admin.logout']({ token });
    onExit();
  };
  const mode: PassphraseMode = !status || (status.configured && !status.blocked) ? 'login' : status.configured ? 'reset' : 'setup';

  return (
    <div className="admin" lang="fr" dir="ltr">
      <header className="top-bar">
        <div className="brand">
          <span className="brand-name">{text.title}</span>
          <span className="brand-tagline">{settings.siteName}</span>
        </div>
        <nav className="actions" aria-label={text.title}>
          {admin && settings.capabilities.closeApp && <CloseKiosk admin={admin} />}
          <Button className="action" onPress={exit}>
            {text.exit}
          </Button>
        </nav>
      </header>
      <main className="content" id="admin-content">
        <h1 ref={heading} tabIndex={-1} className="screen-heading">
          {token ? text.title : mode === 'setup' ? text.setupTitle : mode === 'reset' ? text.resetTitle : text.loginTitle}
        </h1>
        {status?.recovery && <RecoveryNotice recovery={status.recovery} />}
        {status && !token && (
          <PassphraseForm key={mode} api={api} mode={mode} onToken={setToken} onBlocked={() => setStatus({ ...status, blocked: true })} />
        )}
        {admin && token && (
          <>
            <Mediators admin={admin} />
            <Activity api={api} admin={admin} capabilities={settings.capabilities} />
            <SelfCheck api={api} settings={settings} token={token} />
            <ReadabilityReport admin={admin} settings={settings} />
            <ConfigView admin={admin} />
          </>
        )}
      </main>
    </div>
  );
}

/** What a state-DB recovery lost, said to the admin. */
function RecoveryNotice({ recovery }: { recovery: StateRecovery }) {
  const { lost } = recovery;
  const parts = [
    lost.adminPassphrase !== false ? text.lostParts.adminPassphrase : null,
    lost.mediators !== 0 ? text.lostParts.mediators(lost.mediators) : null,
    lost.journalRows !== 0 ? text.lostParts.journalRows(lost.journalRows) : null,
    lost.resumeTickets !== 0 ? text.lostParts.resumeTickets(lost.resumeTickets) : null,
  ].filter((part) => part !== null);
  return (
    <section className="admin-section" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{text.recoveryTitle}</h2>
      <p>{text.recovery(recovery.day, recovery.movedAsideTo, parts.join(', '))}</p>
    </section>
  );
}

type PassphraseMode = 'setup' | 'reset' | 'login';

function PassphraseForm({
  api,
  mode,
  onToken,
  onBlocked,
}: {
  api: ApiClient;
  mode: PassphraseMode;
  onToken: (token: string) => void;
  onBlocked: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [keyboard, setKeyboard] = useState<'first' | 'second' | 'code' | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);
  const codeField = useRef<HTMLInputElement>(null);
  const choosing = mode !== 'login';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choosing) {
      if ([...passphrase].length < 12) return setMessage(text.tooShort);
      if (passphrase !== again) return setMessage(text.mismatch);
      const answer = await api['admin.setup']({ passphrase, code: code.slice(0, 40) });
      if (answer.ok) return onToken(answer.value.token);
      setCode('');
      return setMessage(errorText(answer.error));
    }
    const answer = await api['admin.login']({ passphrase });
    setPassphrase('');
    if (!answer.ok) return setMessage(text.unreachable);
    const login = answer.value;
    if (login.outcome === 'ok') return onToken(login.token);
    if (login.outcome === 'blocked') return onBlocked();
    setMessage(login.outcome === 'wrong' ? text.wrong(login.attemptsBeforeLock) : text.locked(login.retryAfterSeconds));
  };

  return (
    <Form className="admin-form" onSubmit={(event) => void submit(event)}>
      {mode === 'setup' && <p>{text.setupIntro}</p>}
      {mode === 'reset' && <p>{text.resetIntro}</p>}
      {choosing && (
        <>
          <TextField className="text-field" value={code} onChange={setCode} autoComplete="off">
            <Label className="field-label">{text.setupCode}</Label>
            <Input className="text-input" ref={codeField} maxLength={40} />
            <Text slot="description" className="field-help">
              {text.setupCodeHelp}
            </Text>
          </TextField>
          <OnScreenKeyboard
            field={codeField}
            value={code}
            onChange={setCode}
            locale="fr"
            open={keyboard === 'code'}
            onOpenChange={(open) => setKeyboard(open ? 'code' : null)}
          />
        </>
      )}
      <TextField className="text-field" type="password" value={passphrase} onChange={setPassphrase} autoComplete="off">
        <Label className="field-label">{text.passphrase}</Label>
        <Input className="text-input" ref={first} maxLength={200} />
      </TextField>
      <OnScreenKeyboard
        field={first}
        value={passphrase}
        onChange={setPassphrase}
        locale="fr"
        open={keyboard === 'first'}
        onOpenChange={(open) => setKeyboard(open ? 'first' : null)}
      />
      {choosing && (
        <>
          <TextField className="text-field" type="password" value={again} onChange={setAgain} autoComplete="off">
            <Label className="field-label">{text.confirm}</Label>
            <Input className="text-input" ref={second} maxLength={200} />
          </TextField>
          <OnScreenKeyboard
            field={second}
            value={again}
            onChange={setAgain}
            locale="fr"
            open={keyboard === 'second'}
            onOpenChange={(open) => setKeyboard(open ? 'second' : null)}
          />
        </>
      )}
      <p role="alert" className="form-message">
        {message}
      </p>
      <Button type="submit" className="action action-primary">
        {choosing ? text.setupSubmit : text.loginSubmit}
      </Button>
    </Form>
  );
}

/** The staff exit: closes the kiosk app, after a confirmation that says what it means. */
function CloseKiosk({ admin }: { admin: AdminApi }) {
  const [closing, setClosing] = useState(false);
  return (
    <KioskDialog trigger={{ className: 'action', label: text.close }} title={text.closeTitle} role="alertdialog">
      {(close) =>
        closing ? (
          <p role="status">{text.closing}</p>
        ) : (
          <>
            <p>{text.closeText}</p>
            <div className="dialog-actions">
              <Button className="action" onPress={close} autoFocus>
                {text.closeCancel}
              </Button>
              <Button
                className="action action-primary"
                onPress={() => {
                  setClosing(true);
                  void admin['admin.closeKiosk']({});
                }}
              >
                {text.closeConfirm}
              </Button>
            </div>
          </>
        )
      }
    </KioskDialog>
  );
}
