// Headless Chromium here has no speech voices. For the tests that follow a reading, this stand-in for the
// platform's synthesis "speaks" each block when asked and finishes it when the test says so, recording the texts.
// The read-aloud component under test is the real one.
import type { Page } from '@playwright/test';

export async function installSpeechStandIn(page: Page, voiceLangs: readonly string[] = ['fr-FR', 'en-GB', 'ar-SA']): Promise<void> {
  await page.addInitScript((langs) => {
    const spoken: string[] = [];
    const state = { spoken, paused: false };
    (window as unknown as { speech: typeof state }).speech = state;
    const voices = langs.map((lang) => ({ lang, name: `stand-in ${lang}`, default: false, localService: true, voiceURI: lang }));
    let pending: SpeechSynthesisUtterance | null = null;
    // The real utterance accepts only real voices: a plain one carries the stand-in voice.
    class Utterance {
      voice: unknown = null;
      lang = '';
      rate = 1;
      onstart: ((e: Event) => void) | null = null;
      onend: ((e: Event) => void) | null = null;
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => voices,
        addEventListener() {},
        removeEventListener() {},
        speak(u: SpeechSynthesisUtterance) {
          pending = u;
          spoken.push(u.text);
          u.onstart?.(new Event('start') as SpeechSynthesisEvent);
        },
        cancel() {
          pending = null;
        },
        pause() {
          state.paused = true;
        },
        resume() {
          state.paused = false;
        },
        // Tests finish the current block by hand, to look at the highlight in between.
        finish() {
          const u = pending;
          pending = null;
          u?.onend?.(new Event('end') as SpeechSynthesisEvent);
        },
      },
    });
  }, voiceLangs);
}

/** Ends the block being "spoken", so the next one starts. */
export const finishBlock = (page: Page) => page.evaluate(() => (window.speechSynthesis as unknown as { finish(): void }).finish());

export const spokenTexts = (page: Page) => page.evaluate(() => (window as unknown as { speech: { spoken: string[] } }).speech.spoken);

/** The text under the read-aloud highlight (CSS Custom Highlight API), or null. */
export const highlighted = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('read-aloud');
    if (!highlight) return null;
    const [range] = [...highlight] as Range[];
    return range ? range.toString().replace(/\s+/g, ' ').trim() : null;
  });
