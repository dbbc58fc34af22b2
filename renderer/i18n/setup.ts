// i18next with the three locale files; keys are typed from fr.json.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../common/api/types';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { languages } from './languages';

export const resources = { fr: { translation: fr }, en: { translation: en }, ar: { translation: ar } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
    returnNull: false;
  }
}

export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
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
