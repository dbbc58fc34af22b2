// The admin area, reached by a hidden gesture: first run sets the passphrase, then a login opens the admin views.
// It leaves by its button or after five minutes without a touch, back to a clean visitor home screen.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { ApiClient } from '../../common/api/contract';
import type { PublicSettings } from '../../common/api/types';
import { KioskDialog } from '../components/KioskDialog';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';
import { Activity } from './Activity';
import { Mediators } from './Mediators';
import { ConfigView } from './ConfigView';
import { ReadabilityReport } from './ReadabilityReport';
import { SelfCheck } from './SelfCheck';
import { adminTexts as text } from './texts';

const idleExitMs = 5 * 60_000;

export function AdminArea({ api, settings, onExit }: { api: ApiClient; settings: PublicSettings; onExit: () => void }) {
  const [configured, setConfigured] = useState<boolean | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // A session that ran out (idle time on the host) sends the admin back to the login.
  const expire = useCallback(() => setToken(null), []);

  useEffect(() => {
    void api['admin.status']({}).then((status) => setConfigured(status.ok ? status.value.configured : false));
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

  return (
    <div className="admin" lang="fr" dir="ltr">
      <header className="top-bar">
        <div className="brand">
          <span className="brand-name">{text.title}</span>
          <span className="brand-tagline">{settings.siteName}</span>
        </div>
        <nav className="actions" aria-label={text.title}>
          {token && <CloseKiosk api={api} token={token} />}
          <Button className="action" onPress={exit}>
            {text.exit}
          </Button>
        </nav>
      </header>
      <main className="content" id="admin-content">
        <h1 ref={heading} tabIndex={-1} className="screen-heading">
          {token ? text.title : configured === false ? text.setupTitle : text.loginTitle}
        </h1>
        {configured !== null && !token && <PassphraseForm api={api} firstRun={!configured} onToken={setToken} />}
        {token && (
          <>
            <Mediators api={api} token={token} onExpired={expire} />
            <Activity api={api} token={token} onExpired={expire} />
            <SelfCheck api={api} settings={settings} />
            <ReadabilityReport api={api} token={token} settings={settings} onExpired={() => setToken(null)} />
            <ConfigView api={api} token={token} onExpired={expire} />
          </>
        )}
      </main>
    </div>
  );
}

function PassphraseForm({ api, firstRun, onToken }: { api: ApiClient; firstRun: boolean; onToken: (token: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState('');
  const [keyboard, setKeyboard] = useState<'first' | 'second' | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (firstRun) {
      if ([...passphrase].length < 12) return setMessage(text.tooShort);
      if (passphrase !== again) return setMessage(text.mismatch);
      const answer = await api['admin.setup']({ passphrase });
      if (answer.ok) return onToken(answer.value.token);
      return setMessage(text.unreachable);
    }
    const answer = await api['admin.login']({ passphrase });
    setPassphrase('');
    if (!answer.ok) return setMessage(text.unreachable);
    const login = answer.value;
    if (login.outcome === 'ok') return onToken(login.token);
    setMessage(login.outcome === 'wrong' ? text.wrong(login.attemptsBeforeLock) : text.locked(login.retryAfterSeconds));
  };

  return (
    <Form className="admin-form" onSubmit={(event) => void submit(event)}>
      {firstRun && <p>{text.setupIntro}</p>}
      <TextField className="text-field" type="password" value={passphrase} onChange={setPassphrase} autoComplete="off">
        <Label className="field-label">{text.passphrase}</Label>
        <Input className="text-input" ref={first} maxLength={200} onPointerDown={() => setKeyboard('first')} />
      </TextField>
      <OnScreenKeyboard
        field={first}
        value={passphrase}
        onChange={setPassphrase}
        locale="fr"
        open={keyboard === 'first'}
        onOpenChange={(open) => setKeyboard(open ? 'first' : null)}
      />
      {firstRun && (
        <>
          <TextField className="text-field" type="password" value={again} onChange={setAgain} autoComplete="off">
            <Label className="field-label">{text.confirm}</Label>
            <Input className="text-input" ref={second} maxLength={200} onPointerDown={() => setKeyboard('second')} />
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
        {firstRun ? text.setupSubmit : text.loginSubmit}
      </Button>
    </Form>
  );
}

/** The staff exit: closes the kiosk app, after a confirmation that says what it means. */
function CloseKiosk({ api, token }: { api: ApiClient; token: string }) {
  const [closing, setClosing] = useState(false);
  return (
    <KioskDialog trigger={<Button className="action">{text.close}</Button>} title={text.closeTitle} role="alertdialog">
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
                  void api['admin.closeKiosk']({ token });
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
