// A pictogram from content/pictograms, shown beside a text that already says the same thing.
import { PictogramMarkup } from './PictogramMarkup';

const sources = import.meta.glob<string>('../../content/pictograms/*.svg', { eager: true, query: '?raw', import: 'default' });

export function pictogramSvg(id: string): string | undefined {
  return sources[`../../content/pictograms/${id}.svg`];
}

export function Pictogram({ id, className }: { id: string; className?: string }) {
  const svg = pictogramSvg(id);
  return svg ? <PictogramMarkup svg={svg} className={className} /> : null;
}
