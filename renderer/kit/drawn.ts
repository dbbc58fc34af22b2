// Whether an element is drawn on screen (laid out, not display:none nor visibility:hidden, nor inside a hidden
// screen drawn ahead): what a sighted visitor can see. Small on purpose: the first screen's read-aloud button uses it,
// and so does the spoken script of audio mode, which loads later.

/** Drawn on screen; in a browser without checkVisibility, laid out at all. */
export function isDrawn(element: Element): boolean {
  if (!element.isConnected) return false;
  const html = element as HTMLElement;
  if (typeof html.checkVisibility === 'function') return html.checkVisibility({ visibilityProperty: true });
  return html.getClientRects().length > 0;
}
