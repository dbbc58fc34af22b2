// The mediator's side of the screen (bar, panel, notes, controls) speaks the staff's language, French, whatever
// language the visitor picked: two people, two languages. Visitor-facing parts keep the page's own `t`.
import { useMemo } from 'react';
import { useTranslation } from '../i18n/texts';

/** The language mediators and the admin area work in, and the one mediator notes are written in. */
export const staffLocale = 'fr' as const;

/** Attributes for an element that holds only staff text, so that screen readers and direction follow it. */
export const staffLang = { lang: staffLocale, dir: 'ltr' } as const;

/** A `t` fixed to the staff's language. */
export function useStaffT() {
  const { i18n } = useTranslation();
  return useMemo(() => i18n.getFixedT(staffLocale), [i18n]);
}
