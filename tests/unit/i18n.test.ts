import { describe, expect, it } from 'vitest';
import ar from '../../renderer/i18n/ar.json';
import en from '../../renderer/i18n/en.json';
import fr from '../../renderer/i18n/fr.json';

/** Every key path of a locale file, with the shape of its value (text, or list of n texts). */
function shape(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

const texts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : [];

describe('locale files', () => {
  it.each([
    ['en', en],
    ['ar', ar],
  ])('%s has exactly the keys of fr, with lists of the same length', (_locale, messages) => {
    expect(shape(messages).sort()).toEqual(shape(fr).sort());
  });

  it.each([
    ['fr', fr],
    ['en', en],
    ['ar', ar],
  ])('%s has no empty text', (_locale, messages) => {
    expect(texts(messages).filter((t) => t.trim() === '')).toEqual([]);
  });

  it('keeps interpolation placeholders identical across locales', () => {
    const placeholders = (m: unknown) =>
      texts(m)
        .flatMap((t) => t.match(/{{\w+}}/g) ?? [])
        .sort();
    expect(placeholders(en)).toEqual(placeholders(fr));
    expect(placeholders(ar)).toEqual(placeholders(fr));
  });
});
