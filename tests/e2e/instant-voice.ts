// Headless Chromium here has no voice. Until the kiosk's own voice runs in tests, this stand-in for the platform's
// synthesis has a local voice in fr, en and ar that "speaks" each line at once, recording its text, volume and rate:
// the speech output and audio mode under test are the real ones.
import type { Page } from '@playwright/test';

export interface StandInUtterance {
  readonly text: string;
  readonly lang: string;
  readonly volume: number;
  readonly rate: number;
}

export async function installInstantVoice(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const uttered: StandInUtterance[] = [];
    (window as unknown as { uttered: StandInUtterance[] }).uttered = uttered;
    const voices = ['fr-FR', 'en-GB', 'ar-SA'].map((lang) => ({
      lang,
      name: `instant ${lang}`,
      default: false,
      localService: true,
      voiceURI: lang,
    }));
    class Utterance {
      voice: unknown = null;
      lang = '';
      rate = 1;
      volume = 1;
      onstart: (() => void) | null = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    // Lines start and end in microtasks, not timers: a test may hold the page's clock (idle warnings) and speech goes on.
    let generation = 0;
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => voices,
        addEventListener() {},
        removeEventListener() {},
        speak(u: Utterance) {
          uttered.push({ text: u.text, lang: u.lang, volume: u.volume, rate: u.rate });
          const mine = generation;
          void Promise.resolve()
            .then(() => mine === generation && u.onstart?.())
            .then(() => mine === generation && u.onend?.());
        },
        cancel() {
          generation += 1;
        },
        pause() {},
        resume() {},
      },
    });
  });
}
