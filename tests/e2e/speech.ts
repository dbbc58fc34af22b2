// Headless Chromium here has no speech voices. This stand-in for the platform's synthesis has a local voice per
// language and records what it is asked to say (text, language, volume, rate). By default a line goes on until the
// test finishes it (to look at the read-aloud highlight in between); `instant` ends each line at once, in microtasks
// rather than timers, so speech goes on while a test holds the page's clock (idle warnings). The speech output,
// read-aloud and audio mode under test are the real ones.
import type { Page } from '@playwright/test';

export interface StandInUtterance {
  readonly text: string;
  readonly lang: string;
  readonly volume: number;
  readonly rate: number;
}

interface StandInOptions {
  readonly langs?: readonly string[];
  readonly instant?: boolean;
}

export async function installSpeechStandIn(page: Page, options: StandInOptions = {}): Promise<void> {
  const { langs = ['fr-FR', 'en-GB', 'ar-SA'], instant = false } = options;
  await page.addInitScript(
    ({ langs, instant }) => {
      const spoken: string[] = [];
      const uttered: StandInUtterance[] = [];
      const state = { spoken, paused: false };
      Object.assign(window, { speech: state, uttered });
      const voices = langs.map((lang) => ({ lang, name: `stand-in ${lang}`, default: false, localService: true, voiceURI: lang }));
      // The real utterance accepts only real voices: a plain one carries the stand-in voice.
      class Utterance {
        voice: unknown = null;
        lang = '';
        rate = 1;
        volume = 1;
        onstart: ((e: Event) => void) | null = null;
        onend: ((e: Event) => void) | null = null;
        onerror: ((e: Event) => void) | null = null;
        constructor(readonly text: string) {}
      }
      let pending: Utterance | null = null;
      let generation = 0;
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => voices,
          addEventListener() {},
          removeEventListener() {},
          speak(u: Utterance) {
            spoken.push(u.text);
            uttered.push({ text: u.text, lang: u.lang, volume: u.volume, rate: u.rate });
            if (!instant) {
              pending = u;
              u.onstart?.(new Event('start'));
              return;
            }
            const mine = generation;
            void Promise.resolve()
              .then(() => mine === generation && u.onstart?.(new Event('start')))
              .then(() => mine === generation && u.onend?.(new Event('end')));
          },
          cancel() {
            pending = null;
            generation += 1;
          },
          pause() {
            state.paused = true;
          },
          resume() {
            state.paused = false;
          },
          // Tests finish the current line by hand (not with `instant`).
          finish() {
            const u = pending;
            pending = null;
            u?.onend?.(new Event('end'));
          },
        },
      });
    },
    { langs, instant },
  );
}

/** Ends the block being "spoken", so the next one starts. */
export const finishBlock = (page: Page) => page.evaluate(() => (window.speechSynthesis as unknown as { finish(): void }).finish());

export const spokenTexts = (page: Page) => page.evaluate(() => (window as unknown as { speech: { spoken: string[] } }).speech.spoken);

/** Every line the voice was given, with its language, volume and rate. */
export const utterances = (page: Page) => page.evaluate(() => (window as unknown as { uttered: StandInUtterance[] }).uttered);

/** The text under the read-aloud highlight (CSS Custom Highlight API), or null. */
export const highlighted = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('read-aloud');
    if (!highlight) return null;
    const [range] = [...highlight] as Range[];
    return range ? range.toString().replace(/\s+/g, ' ').trim() : null;
  });
