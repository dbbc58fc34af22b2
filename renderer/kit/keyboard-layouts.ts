// The on-screen keyboard's layouts and what a key does to a text field. Pure: tested without a browser.
import type { Locale } from '../../common/api/types';

export type LayoutId = 'azerty' | 'qwerty' | 'arabic' | 'digits';

export interface Layout {
  readonly id: LayoutId;
  /** Written on the button that picks the layout, in its own script. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  readonly rows: readonly (readonly string[])[];
  /** Latin layouts have a shift key for one capital letter. */
  readonly shift: boolean;
}

const digitsRow = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export const layouts: Readonly<Record<LayoutId, Layout>> = {
  // French AZERTY, with the accented letters of French on their own row (a touch keyboard has no dead keys).
  azerty: {
    id: 'azerty',
    name: 'AZERTY',
    dir: 'ltr',
    shift: true,
    rows: [digitsRow, [...'azertyuiop'], [...'qsdfghjklm'], [...'wxcvbn', "'", '-', '.'], [...'éèêàâçùôîë']],
  },
  qwerty: {
    id: 'qwerty',
    name: 'QWERTY',
    dir: 'ltr',
    shift: true,
    rows: [digitsRow, [...'qwertyuiop'], [...'asdfghjkl'], [...'zxcvbnm', "'", '-', '.']],
  },
  // The usual Arabic layout (the letters where an Arabic PC keyboard has them), then the hamza forms.
  arabic: {
    id: 'arabic',
    name: 'عربي',
    dir: 'rtl',
    shift: false,
    rows: [digitsRow, [...'ضصثقفغعهخحجد'], [...'شسيبلاتنمكط'], [...'ئءؤرىةوزظذ'], [...'أإآ', '-', '.']],
  },
  digits: { id: 'digits', name: '123', dir: 'ltr', shift: false, rows: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['0']] },
};

const byLocale: Readonly<Record<Locale, LayoutId>> = { fr: 'azerty', en: 'qwerty', ar: 'arabic' };

/** The layout a field opens with: digits for a number field, else the one of the visit's language. */
export function layoutFor(locale: Locale, inputMode: 'text' | 'numeric'): LayoutId {
  return inputMode === 'numeric' ? 'digits' : byLocale[locale];
}

/** The layouts a visitor may switch to: a number field keeps digits only; text fields offer every letter layout. */
export function layoutChoices(inputMode: 'text' | 'numeric'): readonly LayoutId[] {
  return inputMode === 'numeric' ? ['digits'] : ['azerty', 'qwerty', 'arabic'];
}

export interface FieldState {
  readonly value: string;
  /** The caret or the selected text: [start, end). */
  readonly start: number;
  readonly end: number;
}

export type KeyAction = { readonly type: 'insert'; readonly text: string } | { readonly type: 'backspace' };

/** What a key does: replaces the selection or inserts at the caret; backspace removes the selection or one character. */
export function applyKey(field: FieldState, action: KeyAction, maxLength = Infinity): FieldState {
  const start = Math.max(0, Math.min(field.start, field.value.length));
  const end = Math.max(start, Math.min(field.end, field.value.length));
  if (action.type === 'insert') {
    const room = maxLength - (field.value.length - (end - start));
    const text = [...action.text].slice(0, Math.max(0, room)).join('');
    const value = field.value.slice(0, start) + text + field.value.slice(end);
    return { value, start: start + text.length, end: start + text.length };
  }
  if (start !== end) return { value: field.value.slice(0, start) + field.value.slice(end), start, end: start };
  if (start === 0) return { value: field.value, start: 0, end: 0 };
  // One character as the visitor sees it: never half of a surrogate pair.
  const before = [...field.value.slice(0, start)];
  before.pop();
  const kept = before.join('');
  return { value: kept + field.value.slice(end), start: kept.length, end: kept.length };
}

/** The digits a number field accepts from the physical keyboard too. */
export const onlyDigits = (text: string): string => text.replace(/\D/g, '');
