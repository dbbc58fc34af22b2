// Measures in the browser what axe cannot judge: the size of every touch target, and content that leaves the viewport.
import type { Page } from '@playwright/test';

export interface MeasuredBox {
  /** A short CSS path and the element's accessible text, enough to find it in the DOM and the failure message. */
  readonly selector: string;
  readonly width: number;
  readonly height: number;
}

export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** The outermost elements (or the parents of text runs) that reach past the viewport's inline edges. */
  readonly offenders: readonly (MeasuredBox & { readonly left: number; readonly right: number })[];
}

/** 2.5.5 (AAA) asks 44 × 44 CSS px; the kiosk holds itself to it, for hands that shake and big fingers. */
export const minTarget = 44;

export const describeBox = (box: MeasuredBox): string => `${box.selector} ${box.width}×${box.height}`;

export interface Layout {
  readonly targets: readonly MeasuredBox[];
  readonly overflow: Overflow;
}

/**
 * Measures the page as it is now, in one pass:
 * - every interactive element a visitor can see, with its size: controls, links, form fields, <summary>, and anything
 *   else in the tab order. Controls that exist only for screen readers (react-aria's clipped dismiss buttons) are
 *   invisible and cannot be touched, so they are not targets;
 * - 1.4.10 Reflow: whether the page scrolls sideways, and which elements or runs of text stick out of the viewport on
 *   either side (the left matters too: Arabic overflows to the left).
 */
export async function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    // A function passed to evaluate runs in the page: what it needs is declared inside.
    const selectorOf = (el: Element): string => {
      const parts: string[] = [];
      for (let node: Element | null = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
        let part = node.tagName.toLowerCase();
        // react-aria's generated ids change from run to run: only ids written in the app identify an element.
        if (node.id && !node.id.startsWith('react-aria')) {
          parts.unshift(`${part}#${CSS.escape(node.id)}`);
          break;
        }
        part += [...node.classList]
          .slice(0, 2)
          .map((c) => `.${CSS.escape(c)}`)
          .join('');
        const sameTag = node.parentElement ? [...node.parentElement.children].filter((s) => s.tagName === node?.tagName) : [];
        if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(node) + 1})`;
        parts.unshift(part);
      }
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${parts.join(' > ')} "${text}"`;
    };
    const unseen = (el: Element): boolean => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.visibility === 'hidden' || style.clipPath.startsWith('inset(50%') || style.clip === 'rect(0px, 0px, 0px, 0px)')
          return true;
      }
      return false;
    };
    const rounded = (n: number) => Math.round(n * 10) / 10;

    const interactive = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[contenteditable]:not([contenteditable="false"])',
      '[role="button"]',
      '[role="link"]',
      '[role="radio"]',
      '[role="checkbox"]',
      '[role="switch"]',
      '[role="tab"]',
      '[role="option"]',
      '[role="menuitem"]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(', ');
    const targets = [...document.querySelectorAll(interactive)]
      .filter((el) => el.getClientRects().length > 0 && !unseen(el))
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { selector: selectorOf(el), width: rounded(box.width), height: rounded(box.height) };
      });

    const root = document.documentElement;
    const limit = root.clientWidth;
    // In page coordinates: once the page has scrolled sideways, viewport coordinates would shift every box.
    const sticksOut = (rect: DOMRect) => rect.width > 0 && (rect.right + scrollX > limit + 1 || rect.left + scrollX < -1);
    const offending = new Map<Element, DOMRect>();
    // Boxes that are too wide or pushed out.
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (sticksOut(rect) && !unseen(el)) offending.set(el, rect);
    }
    // A word that does not wrap spills out of a box that itself fits: measure the text itself.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || offending.has(parent) || unseen(parent)) continue;
      range.selectNodeContents(node);
      const spill = [...range.getClientRects()].find(sticksOut);
      if (spill) offending.set(parent, spill);
    }
    // The outermost offender of each branch names the culprit: its descendants only follow it out.
    const offenders = [...offending]
      .filter(([el]) => {
        for (let node = el.parentElement; node; node = node.parentElement) if (offending.has(node)) return false;
        return true;
      })
      .map(([el, rect]) => ({
        selector: selectorOf(el),
        width: rounded(rect.width),
        height: rounded(rect.height),
        left: Math.round(rect.left + scrollX),
        right: Math.round(rect.right + scrollX),
      }));
    return { targets, overflow: { scrollWidth: root.scrollWidth, clientWidth: limit, offenders } };
  });
}

/** The targets under 44 × 44 CSS px, described for a failure message. */
export const smallTargets = (targets: readonly MeasuredBox[]): string[] =>
  targets.filter((t) => t.width < minTarget || t.height < minTarget).map(describeBox);

/** The smallest target: by its shorter side (the one a finger may miss), then by its area; null when there is none. */
export function smallestTarget(targets: readonly (MeasuredBox | null)[]): MeasuredBox | null {
  const smaller = (a: MeasuredBox, b: MeasuredBox) =>
    Math.min(a.width, a.height) - Math.min(b.width, b.height) || a.width * a.height - b.width * b.height;
  return targets.reduce<MeasuredBox | null>((min, t) => (t && (!min || smaller(t, min) < 0) ? t : min), null);
}

export const describeOverflow = (overflow: Overflow): string[] => [
  ...(overflow.scrollWidth > overflow.clientWidth + 1
    ? [`the page scrolls sideways: ${overflow.scrollWidth} px of content in ${overflow.clientWidth} px`]
    : []),
  ...overflow.offenders.map((o) => `${describeBox(o)} spans ${o.left}…${o.right} px`),
];
