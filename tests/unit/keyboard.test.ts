// The on-screen keyboard's layouts and keys, as pure functions.
import { describe, expect, it } from 'vitest';
import { applyKey, layoutChoices, layoutFor, layouts, onlyDigits } from '../../renderer/kit/keyboard-layouts';

describe('layouts', () => {
  it('opens AZERTY in French, QWERTY in English, the Arabic layout in Arabic', () => {
    expect(layoutFor('fr', 'text')).toBe('azerty');
    expect(layoutFor('en', 'text')).toBe('qwerty');
    expect(layoutFor('ar', 'text')).toBe('arabic');
    expect(layouts.azerty.rows[1]?.slice(0, 6).join('')).toBe('azerty');
    expect(layouts.qwerty.rows[1]?.slice(0, 6).join('')).toBe('qwerty');
    expect(layouts.arabic.dir).toBe('rtl');
  });

  it('gives a number field digits only, in every language, with no other layout to switch to', () => {
    for (const locale of ['fr', 'en', 'ar'] as const) expect(layoutFor(locale, 'numeric')).toBe('digits');
    expect(layoutChoices('numeric')).toEqual(['digits']);
    expect(layouts.digits.rows.flat().sort().join('')).toBe('0123456789');
  });

  it('has every letter of French (with its accents), of English and of Arabic, each once', () => {
    const keys = (id: keyof typeof layouts) => layouts[id].rows.flat();
    for (const letter of 'abcdefghijklmnopqrstuvwxyzéèêàâçùôîë') expect(keys('azerty')).toContain(letter);
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') expect(keys('qwerty')).toContain(letter);
    for (const letter of 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة') expect(keys('arabic')).toContain(letter);
    for (const id of ['azerty', 'qwerty', 'arabic', 'digits'] as const) expect(new Set(keys(id)).size).toBe(keys(id).length);
  });
});

describe('keys', () => {
  it('inserts at the caret and moves it after the new letter', () => {
    expect(applyKey({ value: 'cate', start: 2, end: 2 }, { type: 'insert', text: 'r' })).toEqual({ value: 'carte', start: 3, end: 3 });
  });

  it('replaces the selected text', () => {
    expect(applyKey({ value: 'carte vitale', start: 6, end: 12 }, { type: 'insert', text: 'x' })).toEqual({
      value: 'carte x',
      start: 7,
      end: 7,
    });
  });

  it('removes one character before the caret, or the selection, and nothing at the start', () => {
    expect(applyKey({ value: 'carte', start: 5, end: 5 }, { type: 'backspace' })).toEqual({ value: 'cart', start: 4, end: 4 });
    expect(applyKey({ value: 'carte', start: 1, end: 4 }, { type: 'backspace' })).toEqual({ value: 'ce', start: 1, end: 1 });
    expect(applyKey({ value: 'carte', start: 0, end: 0 }, { type: 'backspace' })).toEqual({ value: 'carte', start: 0, end: 0 });
  });

  it('never leaves half a character', () => {
    const field = { value: 'a😀', start: 3, end: 3 };
    expect(applyKey(field, { type: 'backspace' }).value).toBe('a');
  });

  it('stops at the field limit and keeps a caret beyond the text inside it', () => {
    expect(applyKey({ value: 'abc', start: 3, end: 3 }, { type: 'insert', text: 'd' }, 3).value).toBe('abc');
    expect(applyKey({ value: 'abc', start: 9, end: 9 }, { type: 'insert', text: 'd' })).toEqual({ value: 'abcd', start: 4, end: 4 });
  });

  it('keeps digits only for a number field', () => {
    expect(onlyDigits('12 a3-4')).toBe('1234');
  });
});
