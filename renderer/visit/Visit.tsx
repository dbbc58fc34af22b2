// One visitor's visit: the current screen and language live here, in memory, and vanish with it.
import { Activity, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/texts';
import type { ApiClient } from '../../common/api/contract';
import type { Locale, PublicSettings, ScreenKind, VisitEndReason } from '../../common/api/types';
import { mediatorIdleMs, useIdleTimer, waitLimitMs } from '../kit/idle';
import { applyComfort, defaultComfort, type Comfort } from '../kit/comfort';
import { KioskContext } from '../kit/KioskContext';
import { cachedItem, cachedNeeds, usePrefetchListedItems, usePrefetchNeeds } from '../kit/content-cache';
import { applyDocumentLanguage } from '../i18n/setup';
import { ReadAloud } from '../components/ReadAloud';
import { HomeScreen } from '../screens/home/HomeScreen';
import { needIds, screenName, type Screen } from '../kit/screens';
import { TopBar } from './TopBar';
import { AssistedContext, type Closing, type ResumePoint, type UnlockedMediator, type Waiting } from '../assisted/AssistedContext';
import { openMediatorSession, type MediatorSession } from '../assisted/mediator-session';
import { prefetchWhenIdle } from '../kit/idle-prefetch';
import { holdKeysForAudio } from './early-keys';
import {
  AudioMode,
  EmergencyScreen,
  HelpScreen,
  IdleWarning,
  InterruptedSlip,
  ItemScreen,
  MediatorBar,
  NeedScreen,
  SearchScreen,
  visitPrefetches,
} from './screens-on-demand';

interface VisitProps {
  readonly api: ApiClient;
  readonly settings: PublicSettings;
  readonly onEnd: (reason: VisitEndReason) => void;
  readonly onScreen: (kind: ScreenKind) => void;
  /** Where the visit opens: the home screen, except for the admin's accessibility self-check. */
  readonly initialScreen?: Screen;
}

export function Visit({ api, settings, onEnd, onScreen, initialScreen }: VisitProps) {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>(initialScreen ?? { name: 'home' });
  const [locale, setLocale] = useState<Locale>(settings.defaultLocale);
  // Every visit starts from the site's defaults, whatever the previous visitor chose.
  const [comfort, setComfort] = useState<Comfort>(defaultComfort);
  useEffect(() => applyComfort(comfort), [comfort]);
  const needsHere = usePrefetchNeeds(api, locale);
  const main = useRef<HTMLElement>(null);
  // Assisted mode: the mediator's session lives in this visit's memory and ends with it (the host locks it too).
  const [mediator, setMediator] = useState<UnlockedMediator | null>(null);
  const [closedWith, setClosedWith] = useState<UnlockedMediator | null>(null);
  const [resume, setResume] = useState<ResumePoint | null>(null);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  // The open accompaniment's way to close itself with a ticket and the slip, when the visit has to end.
  const closer = useRef<((why: Closing) => void) | null>(null);
  const mediatorNow = useRef(mediator);
  useLayoutEffect(() => {
    mediatorNow.current = mediator;
  }, [mediator]);
  const lock = useCallback((keepHandOff = false) => {
    setClosedWith(keepHandOff ? mediatorNow.current : null);
    setMediator(null);
    setWaiting(null);
  }, []);
  // While an accompaniment closes by itself (nobody answered the mediator), its hand-off stays on screen and locks
  // assisted mode at its end; until then an ended session changes nothing.
  const closingIdle = useRef(false);
  // The one place a mediator's ended session goes (any call answered "mediator.locked"): back to the "Espace médiateur".
  const mediatorExpired = useCallback(() => {
    if (!closingIdle.current) lock();
  }, [lock]);
  const official = useMemo(
    () => ({ origins: settings.officialOrigins, how: settings.capabilities.officialWindow ? ('window' as const) : ('pane' as const) }),
    [settings.officialOrigins, settings.capabilities.officialWindow],
  );
  const assisted = useMemo(
    () => ({
      enabled: settings.assistedMode,
      printing: settings.printing,
      // The mediator's pane beside the steps is Electron's; the kiosk browser's second window is for a visitor alone.
      officialOrigins: settings.capabilities.officialWindow ? [] : settings.officialOrigins,
      mediator,
      closedWith,
      unlock: (session: MediatorSession) => {
        closingIdle.current = false;
        setClosedWith(null);
        setMediator(openMediatorSession(api, session, mediatorExpired));
      },
      lock,
      resume,
      setResume,
      waiting,
      setWaiting,
      setCloser: (close: ((why: Closing) => void) | null) => void (closer.current = close),
      endVisit: onEnd,
      siteName: settings.siteName,
    }),
    [
      api,
      mediatorExpired,
      settings.siteName,
      settings.assistedMode,
      settings.printing,
      settings.officialOrigins,
      settings.capabilities.officialWindow,
      mediator,
      closedWith,
      lock,
      resume,
      waiting,
      onEnd,
    ],
  );
  // After the site's idle time without activity, a warning that counts down; the visit ends if nobody answers.
  // While a mediator is there, the visitor's clock stands still: the mediator's own (longer) one runs instead, and
  // stands still too while they wait for an SMS, an e-mail, a letter or a call (up to a limit).
  const [idle, setIdle] = useState(false);
  useIdleTimer(settings.idleTimeoutSeconds * 1000, idle || mediator !== null, () => setIdle(true));
  const endIdle = useCallback(() => onEnd('idle'), [onEnd]);
  const [mediatorIdle, setMediatorIdle] = useState(false);
  useIdleTimer(waiting ? waitLimitMs : mediatorIdleMs, mediatorIdle || mediator === null, () => setMediatorIdle(true));
  const mediatorStays = useCallback(() => {
    setMediatorIdle(false);
    if (mediator) void mediator.api['mediator.keepAlive']({}).then((answer) => !answer.ok && lock());
  }, [mediator, lock]);
  // Nobody answered the mediator: an open accompaniment closes with its ticket and slip; otherwise assisted mode ends.
  const mediatorGone = useCallback(() => {
    setMediatorIdle(false);
    if (closer.current) {
      closingIdle.current = true;
      return closer.current('idle');
    }
    if (mediator) void mediator.api['mediator.lock']({});
    lock();
  }, [mediator, lock]);
  // The host's session ends after 15 minutes without a call: while the page sees the mediator there, it stays open.
  useEffect(() => {
    if (!mediator) return;
    const ping = setInterval(() => void mediator.api['mediator.keepAlive']({}), 5 * 60_000);
    return () => clearInterval(ping);
  }, [mediator]);
  // "Terminer" with an accompaniment open: it closes with its ticket and slip first; the hand-off then ends the visit.
  const endByVisitor = useCallback(() => (closer.current ? closer.current('visitor') : onEnd('visitor')), [onEnd]);

  // Once the first screen is up, the code of the others is fetched in idle time: the first tap on a tile or a button
  // of the bar shows its screen at once. Audio mode and the slip of an interrupted accompaniment start then too.
  const [prefetched, setPrefetched] = useState(false);
  useEffect(() => {
    holdKeysForAudio();
    return prefetchWhenIdle(visitPrefetches, () => setPrefetched(true));
  }, []);

  // The screens this visit came through, in memory only, for the journeys' "Retour".
  const trail = useRef<Screen[]>([]);
  const shown = useRef(screen);
  const show = useCallback(
    (next: Screen) => {
      shown.current = next;
      setScreen(next);
      onScreen(next.name);
    },
    [onScreen],
  );
  const navigate = useCallback(
    (next: Screen) => {
      trail.current = next.name === 'home' ? [] : [...trail.current, shown.current].slice(-20);
      show(next);
    },
    [show],
  );
  const back = useCallback(() => show(trail.current.pop() ?? { name: 'home' }), [show]);
  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      void i18n.changeLanguage(next);
      applyDocumentLanguage(next);
    },
    [i18n],
  );
  // The same value while only the screen changes: what reads it is not rendered again for a tap.
  const kiosk = useMemo(
    () => ({ api, locale, officialDomains: settings.officialDomains ?? [], capabilities: settings.capabilities, official }),
    [api, locale, settings.officialDomains, settings.capabilities, official],
  );

  // The home screen and the need screens share one <main>. Once the visit's code and the needs' lists are here, every
  // need screen is drawn ahead, hidden (React's Activity: not shown, not focusable, not read), so a tile's tap, or
  // "Accueil" from a need screen, only shows what is already there. Any other screen gets a <main> of its own.
  const homeOrNeed = screen.name === 'home' || screen.name === 'need';
  const drawAhead = prefetched && needsHere !== null;
  usePrefetchListedItems(api, drawAhead ? needsHere : null, needIds);
  const rehearsed = useRehearsedTopic(api, drawAhead ? needsHere : null);

  return (
    <KioskContext.Provider value={kiosk}>
      <AssistedContext.Provider value={assisted}>
        <div className="visit" data-screen={screenName(screen)}>
          <a
            className="skip-link"
            href="#content"
            onClick={(event) => {
              // Focus the content without adding a history entry.
              event.preventDefault();
              document.getElementById('content')?.focus();
            }}
          >
            {t('app.skipToContent')}
          </a>
          <TopBar
            settings={settings}
            atHome={screen.name === 'home'}
            locale={locale}
            navigate={navigate}
            onLocale={changeLocale}
            onEnd={endByVisitor}
            comfort={comfort}
            onComfort={setComfort}
          />
          {mediator && (
            <Suspense fallback={null}>
              <MediatorBar.Component navigate={navigate} />
            </Suspense>
          )}
          <main id="content" className="content" tabIndex={-1} key={homeOrNeed ? 'home' : screenName(screen)} ref={main}>
            <div className="page-tools">
              {/* Its own for each screen: a page being read stops when the screen changes. */}
              <ReadAloud key={screenName(screen)} target={() => main.current} lang={locale} label={t('readAloud.playPage')} />
            </div>
            {homeOrNeed && (
              <Activity mode={screen.name === 'home' ? 'visible' : 'hidden'}>
                <HomeScreen navigate={navigate} />
              </Activity>
            )}
            {screen.name === 'home' && settings.assistedMode && prefetched && (
              <Suspense fallback={null}>
                <InterruptedSlip.Component />
              </Suspense>
            )}
            {/* A screen asked for before its code arrived (a tap before the prefetch ended) shows once it is here. */}
            <Suspense fallback={null}>
              {homeOrNeed &&
                needIds.map((need) => {
                  const shown = screen.name === 'need' && screen.need === need;
                  return (
                    (shown || drawAhead) && (
                      <Activity key={need} mode={shown ? 'visible' : 'hidden'}>
                        <NeedScreen.Component need={need} navigate={navigate} />
                      </Activity>
                    )
                  );
                })}
              {/* One topic page drawn ahead, hidden, never shown: its code runs once before a visitor's first page. */}
              {homeOrNeed && rehearsed && (
                <Activity mode="hidden">
                  <ItemScreen.Component id={rehearsed} navigate={navigate} onBack={back} />
                </Activity>
              )}
              {screen.name === 'item' && <ItemScreen.Component id={screen.id} navigate={navigate} onBack={back} />}
              {screen.name === 'search' && <SearchScreen.Component navigate={navigate} />}
              {screen.name === 'help' && (
                <HelpScreen.Component places={settings.helpPlaces} printing={settings.printing} navigate={navigate} />
              )}
              {screen.name === 'emergency' && <EmergencyScreen.Component />}
            </Suspense>
          </main>
          <Suspense fallback={null}>
            {idle && <IdleWarning.Component onStay={() => setIdle(false)} onEnd={endIdle} />}
            {mediatorIdle && mediator && <IdleWarning.Component kind="mediator" onStay={mediatorStays} onEnd={mediatorGone} />}
          </Suspense>
          {prefetched && (
            <Suspense fallback={null}>
              <AudioMode.Component headsetJack={settings.headsetJack ?? false} />
            </Suspense>
          )}
        </div>
      </AssistedContext.Provider>
    </KioskContext.Provider>
  );
}

/**
 * The first topic in the pack's lists, once its page is here: the visit draws it ahead, hidden, never shown, so the code of a
 * topic page has run once before a visitor opens their first page (a visit's first page took 5 ms more than a later
 * one). It stays, hidden, while the home and need screens do: taken away, it would be a change on a screen being
 * read aloud. Null until its page is here.
 */
function useRehearsedTopic(api: ApiClient, here: Locale | null): string | null {
  const [rehearsed, setRehearsed] = useState<string | null>(null);
  useEffect(() => {
    if (here === null) return;
    const lists = cachedNeeds(api, here).settled;
    const topic = lists?.ok ? lists.value.flatMap((list) => list.items).find((item) => item.kind === 'topic') : undefined;
    if (!topic) return;
    let current = true;
    void cachedItem(api, here, topic.id).answer.then((result) => current && result.ok && setRehearsed(topic.id));
    return () => {
      current = false;
    };
  }, [api, here]);
  return rehearsed;
}
