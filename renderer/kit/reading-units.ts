// What "read the page aloud" reads: the visible blocks of a region, in document order, each with its language.
// A block is a heading, a paragraph, a list item, a summary or a button; a block inside another is read with it
// (a glossary word inside a sentence is not read twice). The read-aloud controls themselves are never read.

export interface ReadingUnit {
  readonly element: HTMLElement;
  readonly text: string;
  /** The language the block is written in (an item shown in French inside the Arabic interface is read in French). */
  readonly lang: string;
}

const blockSelector = 'h1, h2, h3, h4, p, li, dt, dd, summary, legend, label, button, a[href], [data-read]';
const neverRead = '.read-aloud, [aria-hidden="true"], [hidden], .no-read';

export function readingUnits(root: HTMLElement, fallbackLang: string): ReadingUnit[] {
  const units: ReadingUnit[] = [];
  for (const element of root.querySelectorAll<HTMLElement>(blockSelector)) {
    if (element.closest(neverRead)) continue;
    const outer = element.parentElement?.closest(blockSelector);
    if (outer && root.contains(outer) && !outer.closest(neverRead)) continue;
    // Hidden content (a closed "problems" section, a display:none part) has no box.
    if (element.getClientRects().length === 0) continue;
    const text = element.innerText.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const lang = element.closest<HTMLElement>('[lang]')?.lang || fallbackLang;
    units.push({ element, text, lang: lang.toLowerCase() });
  }
  return units;
}

const highlightName = 'read-aloud';

/** Marks the block being read: a CSS highlight (no change to the page's elements), or a class where that is missing. */
export function showReading(element: HTMLElement | null): void {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  for (const old of document.querySelectorAll('.reading')) old.classList.remove('reading');
  if (registry) registry.delete(highlightName);
  if (!element) return;
  if (registry && typeof Highlight === 'function') {
    const range = document.createRange();
    range.selectNodeContents(element);
    registry.set(highlightName, new Highlight(range));
  } else {
    element.classList.add('reading');
  }
  element.scrollIntoView({ block: 'nearest' });
}
