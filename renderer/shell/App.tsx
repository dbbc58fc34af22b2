// The app: runs visits one after another; ending one (by the visitor, a crash or the host) starts a clean one.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { TextsProvider } from '../i18n/texts';
import type { i18n } from 'i18next';
import type { ApiClient } from '../../common/api/contract';
import type { PublicSettings, RendererProblemKind, ScreenKind, VisitEndReason } from '../../common/api/types';
import type { Screen } from '../kit/screens';
import { onEvent, type Transport } from '../kit/transport';
import { applyDocumentLanguage, completeFrench } from '../i18n/setup';
import { along } from '../kit/on-demand';
import { applyComfort, defaultComfort } from '../kit/comfort';
import { speechOut } from '../kit/speech-out';
import { ErrorBoundary } from './ErrorBoundary';
import { useStaffEntry } from './staff-entry';
import { Visit } from '../visit/Visit';

// Staff-only code is fetched when staff open the admin area, not with the visitor's first screen.
const AdminArea = lazy(along(completeFrench, () => import('../admin/AdminArea').then((m) => ({ default: m.AdminArea }))));

interface AppProps {
  readonly api: ApiClient;
  readonly transport: Transport;
  readonly settings: PublicSettings;
  readonly i18n: i18n;
  /** Where the first visit opens: a screen asked for on the home page before the app ran, else the home screen. */
  readonly initialScreen?: Screen;
  /** Once the visit has ended: reloads the page (the renderer's entry first shows the next visitor's home page). */
  readonly reload?: () => void;
}

const reloadPage = () => window.location.reload();

export function App({ api, transport, settings, i18n, initialScreen, reload = reloadPage }: AppProps) {
  const screen = useRef<ScreenKind>('home');
  const [admin, setAdmin] = useState(false);

  // Ending a visit (Terminer, idle, crash, operator): the host wipes the visitor's browser data, then the page
  // reloads, so nothing of the visit survives in memory either. Back to the home screen in the site's language.
  const ending = useRef(false);
  const endVisit = useCallback(
    (reason: VisitEndReason) => {
      if (ending.current) return;
      ending.current = true;
      // Silence at once, back to the site's rate and volume; what was spoken is forgotten.
      speechOut().reset();
      // Both at once, the reload after both: the clipboard may hold something the visitor copied (where the browser
      // refuses, the Electron host clears it), and the host wipes the visitor's data. Neither waits for the other.
      void Promise.all([
        navigator.clipboard?.writeText('').catch(() => undefined),
        api['kiosk.endVisit']({ reason }).catch(() => undefined),
      ]).then(() => reload());
    },
    [api, reload],
  );

  const report = useCallback(
    (kind: RendererProblemKind) => void api['kiosk.reportRendererProblem']({ kind, screen: screen.current }),
    [api],
  );

  useEffect(
    () => onEvent(transport, 'kiosk.reset', ({ reason }) => endVisit(reason === 'recovered' ? 'crash' : 'operator')),
    [transport, endVisit],
  );
  // Staff open the admin area with a hidden gesture; leaving it wipes and reloads like the end of a visit.
  useStaffEntry(
    useCallback(() => {
      // The visitor's partition is wiped now; their screens go with the visit, and the document is back to the site's defaults.
      void api['kiosk.endVisit']({ reason: 'operator' });
      void i18n.changeLanguage(settings.defaultLocale);
      applyDocumentLanguage(settings.defaultLocale);
      applyComfort(defaultComfort);
      setAdmin(true);
    }, [api, i18n, settings.defaultLocale]),
  );
  const leaveAdmin = useCallback(() => endVisit('operator'), [endVisit]);
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
  // The first render is committed and the home heading has the focus (children's effects run first): the app is
  // ready for a tap. Declared after every other effect of the app (the staff gesture, error reports), so they are
  // all in place when it is set. Tests and `npm run bench` wait for this marker instead of guessing.
  useEffect(() => {
    performance.mark('passerelle:ready');
    document.documentElement.dataset.ready = 'true';
  }, []);

  return (
    <TextsProvider i18n={i18n}>
      <ErrorBoundary
        onCrash={() => {
          report('render-error');
          endVisit('crash');
        }}
      >
        {admin ? (
          <Suspense fallback={<p role="status">…</p>}>
            <AdminArea api={api} settings={settings} onExit={leaveAdmin} />
          </Suspense>
        ) : (
          <Visit
            api={api}
            settings={settings}
            onEnd={endVisit}
            onScreen={(kind) => (screen.current = kind)}
            initialScreen={initialScreen}
          />
        )}
      </ErrorBoundary>
    </TextsProvider>
  );
}
