// A day as a visitor reads it ("20 novembre 2026"), in the page's language. One formatter per language, made once:
// making one (as toLocaleDateString does at every call) takes about 0.4 ms, a good part of a screen's render.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function longDate(locale: string, date: Date | string | number): string {
  let formatter = formatters.get(locale);
  if (!formatter) formatters.set(locale, (formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long' })));
  return formatter.format(new Date(date));
}
