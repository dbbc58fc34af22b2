// Comfort settings of a visit (text size, contrast, motion): applied to the document, reset when the visit ends.

export const textSizes = [100, 150, 200] as const;
export type TextSize = (typeof textSizes)[number];

export interface Comfort {
  readonly textSize: TextSize;
  readonly highContrast: boolean;
  readonly reducedMotion: boolean;
}

/** The computer's own "reduce motion" setting (Windows' animation effects off, GNOME's reduced animations). */
const systemReducesMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A visit starts with the site's display, and with less motion when the computer asks for it. */
export const defaultComfort: Comfort = { textSize: 100, highContrast: false, reducedMotion: systemReducesMotion() };

export function applyComfort(comfort: Comfort): void {
  const root = document.documentElement;
  root.dataset.textSize = String(comfort.textSize);
  root.dataset.theme = comfort.highContrast ? 'contrast' : 'default';
  root.dataset.motion = comfort.reducedMotion ? 'reduced' : 'default';
}
