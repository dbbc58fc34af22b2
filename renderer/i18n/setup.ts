// i18next with the first screen's French texts in its script, the rest of French fetched with the screens that read
// it (completeFrench), and the other languages fetched when first chosen; keys are typed from fr.json.
import i18next, { type BackendModule, type i18n } from 'i18next';
import firstScreenFrench from 'virtual:first-screen-texts';
import type { Locale } from '../../common/api/types';
import type fr from './fr.json';
import { languages } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
    returnNull: false;
  }
}

const allFrench = () => import('./fr.json');

/** Each language's texts, as a chunk of its own (the first screen's French texts are in its script as well). */
const loaders: Record<Locale, () => Promise<{ default: unknown }>> = {
  fr: allFrench,
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
};

/** Fetches a language's texts the first time i18next needs them: changeLanguage switches once they are here. */
const onDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const load = loaders[language as Locale] as (() => Promise<{ default: unknown }>) | undefined;
    if (!load) return callback(new Error(`no texts for ${language}`), false);
    load().then(
      (texts) => callback(null, texts.default as Record<string, unknown>),
      (error: Error) => callback(error, false),
    );
  },
};

/** The page's i18next, once created (one per page). */
let created: i18n | null = null;
let completing: Promise<void> | null = null;

/**
 * Adds the French texts the first screen's script left out. Every screen and dialog fetched on demand waits for it,
 * so none shows before its texts are there; the mediator's texts are French whatever the visitor's language.
 */
export function completeFrench(): Promise<void> {
  completing ??= allFrench().then(
    ({ default: all }) => void created?.addResourceBundle('fr', 'translation', all, true, true),
    (error: unknown) => {
      completing = null;
      throw error;
    },
  );
  return completing;
}

export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  created = instance;
  await instance.use(onDemand).init({
    resources: { fr: { translation: firstScreenFrench } },
    partialBundledLanguages: true,
    lng: locale,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnObjects: false,
  });
  return instance;
}

/** Sets the document's language and direction so that screen readers and layout follow. */
export function applyDocumentLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = languages[locale].dir;
}
