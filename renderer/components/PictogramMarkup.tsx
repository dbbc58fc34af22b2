// A pictogram drawn inline from its checked markup (build/content/pictogram-check.ts): nothing to fetch or decode,
// so a screen shows it in the same frame as its text. Decorative: the label next to it names the thing.
export function PictogramMarkup({ svg, className }: { svg: string; className?: string | undefined }) {
  return <span className={className ?? 'pictogram'} aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}
