// For the accessibility sweep: what a sighted visitor can read or press on screen that audio mode's script of that
// screen does not say. Texts are compared without spaces or direction marks (a phone number is spoken in pairs).
import type { Page } from '@playwright/test';

export async function unspokenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const squash = (text: string) => text.replace(/[\s\u200e\u200f\u2066-\u2069]+/g, '');
    const script = squash(
      (window as unknown as { passerelleAudio: { screenScript(): string[] } }).passerelleAudio.screenScript().join(' '),
    );
    const root =
      document.querySelector<HTMLElement>('.modal [role=dialog], .modal [role=alertdialog]') ??
      document.querySelector<HTMLElement>('.visit');
    if (!root) return ['(no visit on screen)'];
    // Every line of text the page renders there, and every control's name (its visible text, else its label).
    const lines = root.innerText.split('\n');
    for (const control of root.querySelectorAll<HTMLElement>(
      'button, a[href], input, textarea, select, summary, [role=radio], [role=checkbox]',
    )) {
      if (!control.checkVisibility({ visibilityProperty: true }) || control.closest('[aria-hidden="true"]')) continue;
      const labels = control instanceof HTMLInputElement ? [...(control.labels ?? [])].map((l) => l.innerText).join(' ') : '';
      lines.push(control.innerText.trim() || labels || control.getAttribute('aria-label') || '');
    }
    return [...new Set(lines.map((line) => line.trim()).filter((line) => squash(line) !== '' && !script.includes(squash(line))))];
  });
}
