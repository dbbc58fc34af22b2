// The platform's own voices (Web Speech: Windows SAPI voices in Electron, speech-dispatcher on Linux), behind the
// speech output. Only local voices count: a network voice says nothing on a kiosk that is offline.
import type { VoiceChoice } from './speech-queue';
import type { Playing, VoiceBackend } from './voice-backend';

const synthesis = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

const baseOf = (lang: string) => lang.toLowerCase().replace('_', '-').split('-')[0] ?? lang;

/** Voices load after the page in Chromium: wait for them a little before saying there are none. */
export function loadVoices(speech: SpeechSynthesis, waitMs = 1500): Promise<SpeechSynthesisVoice[]> {
  const now = speech.getVoices();
  if (now.length > 0 || typeof speech.addEventListener !== 'function') return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      speech.removeEventListener('voiceschanged', done);
      resolve(speech.getVoices());
    };
    const timer = setTimeout(done, waitMs);
    speech.addEventListener('voiceschanged', done);
  });
}

/** The platform's local voice for a base language, or null. */
export function localVoiceFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  return voices.find((v) => v.localService && baseOf(v.lang) === baseOf(lang)) ?? null;
}

export function systemVoice(): VoiceBackend {
  let voices: Promise<SpeechSynthesisVoice[]> | null = null;
  const byName = new Map<string, SpeechSynthesisVoice>();
  return {
    available: () => synthesis() !== null,
    async voiceFor(lang) {
      const speech = synthesis();
      if (!speech) return null;
      if (!voices) {
        // Waited for once; after that the list follows the platform's changes without waiting again.
        voices = loadVoices(speech);
        speech.addEventListener?.('voiceschanged', () => (voices = Promise.resolve(speech.getVoices())));
      }
      const list = await voices;
      const voice = localVoiceFor(list, lang);
      if (!voice) return null;
      byName.set(voice.name, voice);
      const choice: VoiceChoice = { lang: baseOf(voice.lang), name: voice.name, source: 'system' };
      return choice;
    },
    play(text, voice, options, onStart): Playing {
      const speech = synthesis();
      let finish: (result: 'done' | 'cancelled') => void = () => undefined;
      const ended = new Promise<'done' | 'cancelled'>((resolve) => (finish = resolve));
      if (!speech) {
        finish('cancelled');
        return { ended, pause() {}, resume() {}, stop() {}, setVolume() {} };
      }
      const utterance = new SpeechSynthesisUtterance(text);
      const platformVoice = byName.get(voice.name);
      if (platformVoice) {
        utterance.voice = platformVoice;
        utterance.lang = platformVoice.lang;
      }
      utterance.rate = options.rate;
      utterance.volume = options.volume;
      utterance.onstart = () => onStart();
      utterance.onend = () => finish('done');
      utterance.onerror = () => finish('cancelled');
      speech.speak(utterance);
      return {
        ended,
        pause: () => speech.pause(),
        resume: () => speech.resume(),
        stop() {
          finish('cancelled');
          speech.cancel();
        },
        // Web Speech cannot change the volume of a line being spoken: the next line takes it.
        setVolume() {},
      };
    },
  };
}
