// Comfort settings of a visit (text size, contrast, motion): applied to the document, reset when the visit ends.

export const textSizes = [100, 150, 200] as const;
export type TextSize = (typeof textSizes)[number];

export interface Comfort {
  readonly textSize: TextSize;
  readonly highContrast: boolean;
  readonly reducedMotion: boolean;
}

export const defaultComfort: Comfort = { textSize: 100, highContrast: false, reducedMotion: false };

export function applyComfort(comfort: Comfort): void {
  const root = document.documentElement;
  root.dataset.textSize = String(comfort.textSize);
  root.dataset.theme = comfort.highContrast ? 'contrast' : 'default';
  root.dataset.motion = comfort.reducedMotion ? 'reduced' : 'default';
}
