// A pictogram from content/pictograms, shown beside a text that already says the same thing.

const urls = import.meta.glob<string>('../../content/pictograms/*.svg', { eager: true, query: '?url', import: 'default' });

export function pictogramUrl(id: string): string | undefined {
  return urls[`../../content/pictograms/${id}.svg`];
}

export function Pictogram({ id, className }: { id: string; className?: string }) {
  const url = pictogramUrl(id);
  // Decorative: the label next to it names the thing.
  return url ? <img src={url} alt="" className={className ?? 'pictogram'} draggable={false} /> : null;
}
