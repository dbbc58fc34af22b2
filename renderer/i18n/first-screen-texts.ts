// The French texts the first screen's script carries (the home, the top bar, its dialogs' buttons, a start-up
// problem); the rest of fr.json comes with the screens fetched in idle time (setup.ts, completeFrench). The build
// picks them (vite.config.ts); tests/unit/first-screen-texts.test.ts fails when the first screen uses a key left out.

/** Groups or single keys, by their path in fr.json (`*` for every key at that level). */
export const firstScreenKeys = [
  'app',
  'nav',
  'home',
  'needs.*.label',
  'language',
  'comfort',
  'end',
  'readAloud',
  'contentProblem',
  'startup',
  'glossary.close',
  'assisted.entry',
  'assisted.unlockTitle',
  'audio.homeOffer',
] as const;

type Texts = { readonly [key: string]: unknown };

/** The part of `all` that `keys` name, nested as in `all`. */
export function pickTexts(all: Texts, keys: readonly string[]): Texts {
  const picked: Record<string, unknown> = {};
  const copy = (from: Texts, to: Record<string, unknown>, path: readonly string[], key: string) => {
    const [part, ...rest] = path;
    if (part === undefined) return;
    for (const name of part === '*' ? Object.keys(from) : [part]) {
      const value = from[name];
      if (value === undefined) throw new Error(`no French text "${key}"`);
      if (rest.length === 0) to[name] = value;
      else copy(value as Texts, (to[name] ??= {}) as Record<string, unknown>, rest, key);
    }
  };
  for (const key of keys) copy(all, picked, key.split('.'), key);
  return picked;
}
