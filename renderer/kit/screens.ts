// The screens of a visit, kept in memory only (no URL, no history entry a next visitor could go back to).

export const needIds = ['mon-espace-sante', 'compte-ameli', 'carte-vitale', 'trouver-medecin', 'payer-moins', 'arnaques'] as const;
export type NeedId = (typeof needIds)[number];

export type Screen =
  | { readonly name: 'home' }
  | { readonly name: 'need'; readonly need: NeedId }
  | { readonly name: 'item'; readonly id: string }
  | { readonly name: 'search' }
  | { readonly name: 'help' }
  | { readonly name: 'emergency' };

export type Navigate = (screen: Screen) => void;

/** A stable name for a screen, used as a React key and in test ids. */
export const screenName = (screen: Screen): string =>
  screen.name === 'need' ? `need-${screen.need}` : screen.name === 'item' ? `item-${screen.id}` : screen.name;
