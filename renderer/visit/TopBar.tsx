// The bar on every screen: name, language, and the always-visible Urgences, Besoin d'aide ? and Terminer.
import { memo } from 'react';
import { useTranslation } from '../i18n/texts';
import type { Locale, PublicSettings } from '../../common/api/types';
import { ComfortPanel } from '../components/ComfortPanel';
import { LanguageSwitch } from '../components/LanguageSwitch';
import type { Comfort } from '../kit/comfort';
import { EndVisitDialog } from '../screens/end/EndVisitDialog';
import type { Navigate } from '../kit/screens';
import { NavButton } from '../components/NavButton';

interface TopBarProps {
  readonly settings: PublicSettings;
  /** On the home screen the bar has no "Accueil" button. */
  readonly atHome: boolean;
  readonly locale: Locale;
  readonly navigate: Navigate;
  readonly onLocale: (locale: Locale) => void;
  readonly onEnd: () => void;
  readonly comfort: Comfort;
  readonly onComfort: (comfort: Comfort) => void;
}

/** Memoised: a tap that changes only the screen below re-renders the bar only when it enters or leaves home. */
export const TopBar = memo(function TopBar({ settings, atHome, locale, navigate, onLocale, onEnd, comfort, onComfort }: TopBarProps) {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{settings.siteName === t('app.name') ? t('app.tagline') : settings.siteName}</span>
      </div>
      <LanguageSwitch offered={settings.locales} current={locale} onChange={onLocale} />
      <nav className="actions" aria-label={t('app.mainNav')}>
        {!atHome && (
          <NavButton className="action" onPress={() => navigate({ name: 'home' })}>
            {t('nav.home')}
          </NavButton>
        )}
        <NavButton className="action action-emergency" onPress={() => navigate({ name: 'emergency' })}>
          <svg className="action-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <path d="M32 10v44M10 32h44" stroke="currentColor" strokeWidth="8" strokeLinecap="round" />
          </svg>
          {t('nav.emergency')}
        </NavButton>
        <NavButton className="action" onPress={() => navigate({ name: 'search' })}>
          {t('nav.search')}
        </NavButton>
        <ComfortPanel comfort={comfort} onChange={onComfort} />
        <NavButton className="action" onPress={() => navigate({ name: 'help' })}>
          {t('nav.help')}
        </NavButton>
        <EndVisitDialog onEnd={onEnd} />
      </nav>
    </header>
  );
});
