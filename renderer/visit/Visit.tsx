// One visitor's visit: the current screen and language live here, in memory, and vanish with it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../common/api/contract';
import type { Locale, PublicSettings, ScreenKind, VisitEndReason } from '../../common/api/types';
import { IdleWarning } from './IdleWarning';
import { useIdleTimer } from '../kit/idle';
import { applyComfort, defaultComfort, type Comfort } from '../kit/comfort';
import { KioskContext } from '../kit/KioskContext';
import { applyDocumentLanguage } from '../i18n/setup';
import { ReadAloud } from '../components/ReadAloud';
import { EmergencyScreen } from '../screens/emergency/EmergencyScreen';
import { HelpScreen } from '../screens/help/HelpScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { ItemScreen } from '../screens/item/ItemScreen';
import { NeedScreen } from '../screens/need/NeedScreen';
import { SearchScreen } from '../screens/search/SearchScreen';
import { screenName, type Screen } from '../kit/screens';
import { TopBar } from './TopBar';
import { AssistedContext, type ResumePoint, type UnlockedMediator } from '../assisted/AssistedContext';
import { MediatorBar } from '../assisted/MediatorBar';

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
  const main = useRef<HTMLElement>(null);
  // Assisted mode: the mediator's session lives in this visit's memory and ends with it (the host locks it too).
  const [mediator, setMediator] = useState<UnlockedMediator | null>(null);
  const [resume, setResume] = useState<ResumePoint | null>(null);
  const assisted = useMemo(
    () => ({
      enabled: settings.assistedMode,
      printing: settings.printing,
      officialOrigins: settings.officialOrigins,
      mediator,
      unlock: setMediator,
      lock: () => setMediator(null),
      resume,
      setResume,
    }),
    [settings.assistedMode, settings.printing, settings.officialOrigins, mediator, resume],
  );
  // After the site's idle time without activity, a warning that counts down; the visit ends if nobody answers.
  const [idle, setIdle] = useState(false);
  useIdleTimer(settings.idleTimeoutSeconds * 1000, idle, () => setIdle(true));
  const endIdle = useCallback(() => onEnd('idle'), [onEnd]);

  const navigate = useCallback(
    (next: Screen) => {
      setScreen(next);
      onScreen(next.name);
    },
    [onScreen],
  );
  const changeLocale = (next: Locale) => {
    setLocale(next);
    void i18n.changeLanguage(next);
    applyDocumentLanguage(next);
  };

  return (
    <KioskContext.Provider value={{ api, locale, officialDomains: settings.officialDomains ?? [] }}>
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
            screen={screen}
            locale={locale}
            navigate={navigate}
            onLocale={changeLocale}
            onEnd={() => onEnd('visitor')}
            comfort={comfort}
            onComfort={setComfort}
          />
          <MediatorBar navigate={navigate} />
          <main id="content" className="content" tabIndex={-1} key={screenName(screen)} ref={main}>
            <div className="page-tools">
              <ReadAloud target={() => main.current} lang={locale} label={t('readAloud.playPage')} />
            </div>
            {screen.name === 'home' && <HomeScreen navigate={navigate} />}
            {screen.name === 'need' && <NeedScreen need={screen.need} navigate={navigate} />}
            {screen.name === 'item' && <ItemScreen id={screen.id} navigate={navigate} />}
            {screen.name === 'search' && <SearchScreen navigate={navigate} />}
            {screen.name === 'help' && <HelpScreen places={settings.helpPlaces} printing={settings.printing} navigate={navigate} />}
            {screen.name === 'emergency' && <EmergencyScreen />}
          </main>
          {idle && <IdleWarning onStay={() => setIdle(false)} onEnd={endIdle} />}
        </div>
      </AssistedContext.Provider>
    </KioskContext.Provider>
  );
}
