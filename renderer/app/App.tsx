// The app: runs visits one after another; ending one (by the visitor, a crash or the host) starts a clean one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { ApiClient } from '../../main/api/contract';
import type { PublicSettings, RendererProblemKind, ScreenKind } from '../../main/api/types';
import { onEvent, type Transport } from '../api/transport';
import { applyDocumentLanguage } from '../i18n/setup';
import { AdminArea } from '../admin/AdminArea';
import { ErrorBoundary } from './ErrorBoundary';
import { useStaffEntry } from './staff-entry';
import { Visit } from './Visit';

interface AppProps {
  readonly api: ApiClient;
  readonly transport: Transport;
  readonly settings: PublicSettings;
  readonly i18n: i18n;
}

export function App({ api, transport, settings, i18n }: AppProps) {
  const [visit, setVisit] = useState(0);
  const [locale, setLocale] = useState(settings.defaultLocale);
  const screen = useRef<ScreenKind>('home');
  const [admin, setAdmin] = useState(false);

  const endVisit = useCallback(() => {
    void i18n.changeLanguage(settings.defaultLocale);
    applyDocumentLanguage(settings.defaultLocale);
    setLocale(settings.defaultLocale);
    screen.current = 'home';
    setVisit((n) => n + 1);
  }, [i18n, settings.defaultLocale]);

  const report = useCallback(
    (kind: RendererProblemKind) => void api['kiosk.reportRendererProblem']({ kind, screen: screen.current }),
    [api],
  );

  useEffect(() => onEvent(transport, 'kiosk.reset', endVisit), [transport, endVisit]);
  // Staff open the admin area with a hidden gesture; the visit in progress ends first (nothing of it is kept).
  useStaffEntry(
    useCallback(() => {
      endVisit();
      setAdmin(true);
    }, [endVisit]),
  );
  const leaveAdmin = useCallback(() => {
    setAdmin(false);
    endVisit();
  }, [endVisit]);
  useEffect(() => {
    const onError = () => report('script-error');
    const onRejection = () => report('unhandled-rejection');
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [report]);
  useEffect(() => {
    const onLanguage = (lng: string) => setLocale(lng as typeof locale);
    i18n.on('languageChanged', onLanguage);
    return () => i18n.off('languageChanged', onLanguage);
  }, [i18n]);

  return (
    <I18nextProvider i18n={i18n}>
      <I18nProvider locale={locale}>
        <ErrorBoundary
          key={visit}
          onCrash={() => {
            report('render-error');
            endVisit();
          }}
        >
          {admin ? (
            <AdminArea api={api} settings={settings} onExit={leaveAdmin} />
          ) : (
            <Visit api={api} settings={settings} onEnd={endVisit} onScreen={(kind) => (screen.current = kind)} />
          )}
        </ErrorBoundary>
      </I18nProvider>
    </I18nextProvider>
  );
}
