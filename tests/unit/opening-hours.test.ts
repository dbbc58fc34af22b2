import { describe, expect, it } from 'vitest';
import { readableHours } from '../../renderer/components/opening-hours';

const fr = {
  always: 'Tous les jours, jour et nuit',
  dayRange: (a: string, b: string) => `du ${a} au ${b}`,
  timeRange: (a: string, b: string) => `de ${a} à ${b}`,
  line: (d: string, t: string) => `${d} : ${t}`,
};

describe('opening hours for people', () => {
  it('reads day ranges, several time spans and several rules', () => {
    expect(readableHours('Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00', 'fr', fr)).toEqual([
      'du lundi au vendredi : de 09:00 à 12:00, de 14:00 à 17:00',
      'samedi : de 10:00 à 12:00',
    ]);
    expect(readableHours('Tu,Th 13:30-18:00', 'en', { ...fr, line: (d, t) => `${d}: ${t}` })).toEqual([
      'Tuesday, Thursday: de 13:30 à 18:00',
    ]);
  });

  it('says "every day, day and night" for 24/7, and nothing for an empty field', () => {
    expect(readableHours('24/7', 'fr', fr)).toEqual(['Tous les jours, jour et nuit']);
    expect(readableHours('', 'fr', fr)).toEqual([]);
  });

  it('gives up (null: shown as written) on syntax it does not cover', () => {
    expect(readableHours('Mo-Fr 09:00-17:00; PH off', 'fr', fr)).toBeNull();
    expect(readableHours('sunrise-sunset', 'fr', fr)).toBeNull();
  });
});
