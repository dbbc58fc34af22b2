// Entry of the renderer: picks the transport, reads the site settings, starts the app in the default language.
import './kit/strict-csp';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { StrictMode } from 'react';
import { createApiClient, detectTransport } from './kit/transport';
import { App } from './shell/App';
import { StartupProblem } from './shell/StartupProblem';
import { readPageSettings } from './kit/page-settings';
import { applyDocumentLanguage, createI18n } from './i18n/setup';
import { forgetEarlyAddress, readEarlyTaps, replayEarlyTaps } from './kit/early-taps';
import { keepCleanHome } from './kit/clean-home';
import { homePrefetches } from './visit/screens-on-demand';
import { staticHomeStyleAttribute } from '../common/api/static-home';
import './styles/fonts.css';
import './styles/tokens.css';
import './styles/app.css';
import './styles/assist.css';
import './styles/admin.css';

/** Nothing is dragged on a kiosk: a dropped file or link would replace the app, a dragged image or link would leave it. */
function refuseDragAndDrop(): void {
  window.addEventListener('dragstart', (event) => event.preventDefault());
  window.addEventListener('dragover', (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  });
  window.addEventListener('drop', (event) => event.preventDefault());
}

function homeCodeFetched(): Promise<unknown> {
  return Promise.race([
    Promise.allSettled(homePrefetches.map((prefetch) => prefetch())),
    new Promise((resolve) => setTimeout(resolve, 1500)),
  ]);
}

/**
 * A press under way on the built page (a finger down on Confort while the app arrives) ends there first, so that its
 * click is the built page's and is then read with the other early taps; replacing the page between the finger's
 * down and up lost the tap (seen once in 15 starts of the bench). Two seconds at most.
 */
function pressFinished(container: HTMLElement): Promise<void> {
  if (!container.querySelector(':active')) return Promise.resolve();
  return new Promise((resolve) => {
    const ends = ['pointerup', 'pointercancel', 'keyup'] as const;
    const done = () => {
      for (const name of ends) removeEventListener(name, done, true);
      // The click follows the pointer's release in the same task: the next task sees it done.
      const next = new MessageChannel();
      next.port1.onmessage = () => resolve();
      next.port2.postMessage(null);
    };
    for (const name of ends) addEventListener(name, done, true);
    setTimeout(done, 2000);
  });
}

async function boot(): Promise<void> {
  // Where the renderer's own start-up begins; `npm run bench` measures from here to the first render.
  performance.mark('passerelle:boot');
  refuseDragAndDrop();
  const container = document.getElementById('root') as HTMLElement;
  // The next visitor's home page, kept before the app replaces it.
  const cleanHome = keepCleanHome(container);
  const root = createRoot(container);
  const transport = detectTransport();
  const api = createApiClient(transport);
  // Written into the page by the web host; the Electron host's page asks for them over IPC.
  const written = readPageSettings();
  const settings = written ? ({ ok: true, value: written } as const) : await api['settings.public']({});
  const locale = settings.ok ? settings.value.defaultLocale : 'fr';
  const i18n = await createI18n(locale);
  // While the built home page answers taps on its own, the code its buttons open in the app is fetched first (at
  // most 1.5 s: a fetch that fails is tried again by the visit's own prefetch).
  if (container.querySelector('[data-static-home]')) {
    await homeCodeFetched();
    await pressFinished(container);
  }
  // The home page the host served may have been tapped already: what it holds is read, then replaced in the same
  // task (flushSync), so no tap falls between the two; the app then opens what was asked for.
  const early = readEarlyTaps(container);
  forgetEarlyAddress();
  applyDocumentLanguage(locale);
  flushSync(() =>
    root.render(
      <StrictMode>
        {settings.ok ? (
          <App
            api={api}
            transport={transport}
            settings={settings.value}
            i18n={i18n}
            initialScreen={early?.screen ?? undefined}
            reload={() => {
              if (!cleanHome) return location.reload();
              // The visit's screens leave the page, the next visitor's home page is drawn, then the page reloads.
              root.unmount();
              cleanHome.show(() => location.reload());
            }}
          />
        ) : (
          <StartupProblem i18n={i18n} error={settings.error} />
        )}
      </StrictMode>,
    ),
  );
  // The built page's own style sheet goes with it, in the same task: its rules on `html:has(…)` would otherwise be
  // checked against the whole page at every tap (renderer/styles/static-home.css).
  document.querySelector(`style[${staticHomeStyleAttribute}]`)?.remove();
  if (early && settings.ok) void replayEarlyTaps(early, i18n);
}

void boot();
