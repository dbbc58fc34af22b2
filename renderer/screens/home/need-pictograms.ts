// The home tiles' pictograms as markup, drawn inline as the built home page draws them (checked at build time by
// build/content/pictogram-check.ts): the app taking over the page shows the same drawing, with nothing to fetch.
import type { NeedId } from '../../kit/screens';
import monEspaceSante from '../../../content/pictograms/mon-espace-sante.svg?raw';
import compteAmeli from '../../../content/pictograms/compte-ameli.svg?raw';
import carteVitale from '../../../content/pictograms/carte-vitale.svg?raw';
import trouverMedecin from '../../../content/pictograms/trouver-medecin.svg?raw';
import payerMoins from '../../../content/pictograms/payer-moins.svg?raw';
import arnaques from '../../../content/pictograms/arnaques.svg?raw';

export const needPictograms: Readonly<Record<NeedId, string>> = {
  'mon-espace-sante': monEspaceSante,
  'compte-ameli': compteAmeli,
  'carte-vitale': carteVitale,
  'trouver-medecin': trouverMedecin,
  'payer-moins': payerMoins,
  arnaques,
};
