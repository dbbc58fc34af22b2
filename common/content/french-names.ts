// French names and common nouns kept in French inside English and Arabic text ("carte Vitale", "mutuelle"): found
// here so the page marks them lang="fr" (a voice or a screen reader then says them in French). A closed list.

export interface FrenchRun {
  readonly text: string;
  /** True for a French name inside text of another language. */
  readonly fr: boolean;
}

/** Longest first: "Complémentaire santé solidaire" before "complémentaire santé". First letters of nouns either case. */
const names = [
  '[Cc]omplémentaire santé solidaire',
  "[Aa]ide médicale de l'État",
  'Mon espace santé',
  'Assurance Maladie',
  '[Mm]édecins? traitants?',
  '[Cc]omplémentaires? santé',
  'Tabac info service',
  'Drogues info service',
  'France Services',
  'France Travail',
  '[Cc]artes? Vitale',
  'FranceConnect',
  '[Oo]rdonnances?',
  '[Pp]harmacies?',
  '[Mm]utuelles?',
  '[Mm]airies?',
  'ameli',
  'CPAM',
];

/** Whole words only, and not inside an address ("ameli.fr", "www.ameli"). */
const pattern = new RegExp(`(?<![\\p{L}\\p{N}@/.])(?:${names.join('|')})(?![\\p{L}\\p{N}]|[.@/][\\p{L}\\p{N}])`, 'gu');

/** The runs of a text: the French names in it, and the rest. */
export function frenchRuns(text: string): FrenchRun[] {
  const runs: FrenchRun[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), fr: false });
    runs.push({ text: match[0], fr: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), fr: false });
  return runs;
}
