// The French texts the first screen's script carries (the home, the top bar, its dialogs' buttons, a start-up
// problem); the rest of fr.json comes with the screens fetched in idle time (setup.ts, completeFrench). The build
// picks them (vite.config.ts); tests/unit/first-screen-texts.test.ts fails when the first screen uses a key left out.

/** Top-level groups, or single keys with a dot. */
export const firstScreenKeys = [
  'app',
  'nav',
  'home',
  'needs',
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
  for (const key of keys) {
    const path = key.split('.');
    let from: unknown = all;
    let to = picked;
    path.forEach((part, index) => {
      from = (from as Texts | undefined)?.[part];
      if (from === undefined) throw new Error(`no French text "${key}"`);
      if (index === path.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Record<string, unknown>;
    });
  }
  return picked;
}
