// The day shown on a topic ("checked on") and on a mediator's slips reads as the browser's own long date.
import { describe, expect, it } from 'vitest';
import { longDate } from '../../renderer/kit/dates';

describe('longDate', () => {
  it('reads as the language’s long date, the same for each call, in each language', () => {
    const day = '2026-11-20T00:00:00.000Z';
    for (const locale of ['fr', 'en', 'ar']) {
      const expected = new Date(day).toLocaleDateString(locale, { dateStyle: 'long' });
      expect(longDate(locale, day)).toBe(expected);
      expect(longDate(locale, new Date(day))).toBe(expected);
    }
    expect(longDate('fr', day)).toMatch(/novembre 2026/);
    expect(longDate('en', day)).toMatch(/November/);
  });
});
