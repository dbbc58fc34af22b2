// The home tiles' pictograms, one per need (renderer/kit/screens.ts, needIds): only these are in the first screen's
// script; the screens fetched later draw every other one (Pictogram.tsx). tests/unit/first-screen.test.ts checks the
// list below against needIds.
import type { NeedId } from '../kit/screens';
import { PictogramMarkup } from './PictogramMarkup';

const sources = import.meta.glob<string>(
  '../../content/pictograms/{mon-espace-sante,compte-ameli,carte-vitale,trouver-medecin,payer-moins,arnaques}.svg',
  { eager: true, query: '?raw', import: 'default' },
);

export function NeedPictogram({ need, className }: { need: NeedId; className?: string }) {
  const svg = sources[`../../content/pictograms/${need}.svg`];
  return svg ? <PictogramMarkup svg={svg.trim()} className={className} /> : null;
}
