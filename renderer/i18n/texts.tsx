// The texts of the page's language for every component: one subscription to the language at the top, shared by a
// context. react-i18next's own hook did more on each mount (a copy of the whole i18next instance, a listener added and
// removed), which every screen change paid for each of its components: about half a millisecond of a tap.
import type { i18n as I18n, TFunction } from 'i18next';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';

interface Texts {
  /** The texts of the language shown, as i18next gives them. */
  readonly t: TFunction;
  /** The instance, to read or change the language. */
  readonly i18n: I18n;
}

const TextsContext = createContext<Texts | null>(null);

/**
 * Gives `i18n`'s texts to what it holds, and its language to react-aria (dates, numbers, the reading direction of its
 * components); renders it again in the new language when the language changes.
 */
export function TextsProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on('languageChanged', changed);
      return () => i18n.off('languageChanged', changed);
    },
    [i18n],
  );
  const language = useSyncExternalStore(subscribe, () => i18n.language);
  const texts = useMemo<Texts>(() => ({ t: i18n.getFixedT(language), i18n }), [i18n, language]);
  return (
    <TextsContext.Provider value={texts}>
      <I18nProvider locale={language}>{children}</I18nProvider>
    </TextsContext.Provider>
  );
}

/** The texts of the page's language, and the i18next instance (same shape as react-i18next's hook). */
export function useTranslation(): Texts {
  const texts = useContext(TextsContext);
  if (!texts) throw new Error('useTranslation is used outside a TextsProvider');
  return texts;
}
