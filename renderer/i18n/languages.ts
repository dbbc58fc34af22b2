// The languages the kiosk speaks, each named in itself (a visitor looks for their own language's name).
import type { Locale } from '../../common/api/types';

export interface LanguageInfo {
  readonly code: Locale;
  /** The language's own name for itself. */
  readonly autonym: string;
  readonly dir: 'ltr' | 'rtl';
}

export const languages: Readonly<Record<Locale, LanguageInfo>> = {
  fr: { code: 'fr', autonym: 'Français', dir: 'ltr' },
  en: { code: 'en', autonym: 'English', dir: 'ltr' },
  ar: { code: 'ar', autonym: 'العربية', dir: 'rtl' },
};
