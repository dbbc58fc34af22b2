// Turns the common forms of OpenStreetMap opening_hours ("Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00", "24/7")
// into lines a person reads in their language; anything else is shown as written.

const osmDays = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

export interface HoursWords {
  readonly always: string;
  /** Joins a day range, e.g. (lundi, vendredi) → "du lundi au vendredi". */
  readonly dayRange: (from: string, to: string) => string;
  /** Joins a time range, e.g. (09:00, 12:00) → "de 09:00 à 12:00". */
  readonly timeRange: (from: string, to: string) => string;
  /** Joins the days and the times of one rule into a line. */
  readonly line: (days: string, times: string) => string;
}

function dayName(osm: string, locale: string): string {
  const index = osmDays.indexOf(osm as (typeof osmDays)[number]);
  // 2024-01-01 was a Monday.
  return new Date(Date.UTC(2024, 0, 1 + index)).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });
}

/** Readable lines, or null when the text uses syntax this does not cover (then show it as written). */
export function readableHours(text: string, locale: string, words: HoursWords): string[] | null {
  const value = text.trim();
  if (value === '') return [];
  if (value === '24/7') return [words.always];
  const lines: string[] = [];
  for (const rule of value
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean)) {
    const match =
      /^((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*) ((?:\d{2}:\d{2}-\d{2}:\d{2})(?:,\d{2}:\d{2}-\d{2}:\d{2})*)$/.exec(
        rule,
      );
    if (!match?.[1] || !match[2]) return null;
    const days = match[1]
      .split(',')
      .map((part) => {
        const [from, to] = part.split('-');
        return to ? words.dayRange(dayName(from ?? '', locale), dayName(to, locale)) : dayName(from ?? '', locale);
      })
      .join(', ');
    const times = match[2]
      .split(',')
      .map((span) => {
        const [from, to] = span.split('-');
        return words.timeRange(from ?? '', to ?? '');
      })
      .join(', ');
    lines.push(words.line(days, times));
  }
  return lines;
}
