// The voice installed with the app, behind the speech output: the host runs eSpeak NG for a line and sends its WAV,
// which the page plays with Web Audio (volume through a gain, pause by suspending the audio clock). Used for the
// languages the platform has no good local voice for (on Debian's Chromium: all of them).
import type { ApiClient } from '../../common/api/contract';
import type { KioskVoices } from '../../common/api/types';
import { speechChunks } from '../../common/kiosk/speech-chunks';
import type { VoiceChoice } from './speech-queue';
import type { Playing, VoiceBackend } from './voice-backend';

const decodeBase64 = (base64: string): ArrayBuffer => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return bytes.buffer;
};

export function kioskVoice(api: () => ApiClient): VoiceBackend {
  let voices: Promise<KioskVoices | null> | null = null;
  let anyVoice = false;
  let context: AudioContext | null = null;
  const audio = () => (context ??= new AudioContext());

  const load = () => {
    const client = api();
    voices ??= client['speech.voices']({}).then((result) => {
      if (!result.ok) {
        voices = null; // the host may be restarting: ask again next time
        return null;
      }
      anyVoice = result.value.voices.length > 0;
      return result.value;
    });
    return voices;
  };

  return {
    available: () => anyVoice,
    async voiceFor(lang) {
      const list = await load();
      const voice = list?.voices.find((v) => v.lang === lang);
      return voice ? ({ lang: voice.lang, name: voice.name, source: 'kiosk' } satisfies VoiceChoice) : null;
    },
    play(text, voice, options, onStart): Playing {
      let stopped = false;
      let source: AudioBufferSourceNode | null = null;
      let started = false;
      let paused = false;
      const ctx = audio();
      const gain = ctx.createGain();
      gain.gain.value = options.volume;
      gain.connect(ctx.destination);

      const playChunk = async (chunk: string): Promise<boolean> => {
        const lang = voice.lang as 'fr' | 'en' | 'ar';
        const made = await api()['speech.synthesize']({ text: chunk, lang, rate: options.rate });
        if (!made.ok || stopped) return false;
        const buffer = await ctx.decodeAudioData(decodeBase64(made.value.wav)).catch(() => null);
        if (!buffer || stopped) return false;
        const node = ctx.createBufferSource();
        node.buffer = buffer;
        node.connect(gain);
        source = node;
        const ended = new Promise<void>((resolve) => (node.onended = () => resolve()));
        if (ctx.state === 'suspended' && !paused) await ctx.resume().catch(() => undefined);
        node.start();
        if (!started) {
          started = true;
          onStart();
        }
        await ended;
        source = null;
        return !stopped;
      };

      const ended = (async (): Promise<'done' | 'cancelled'> => {
        for (const chunk of speechChunks(text)) if (!(await playChunk(chunk))) return 'cancelled';
        return 'done';
      })().finally(() => gain.disconnect());

      return {
        ended,
        pause() {
          paused = true;
          void ctx.suspend();
        },
        resume() {
          paused = false;
          void ctx.resume();
        },
        stop() {
          stopped = true;
          try {
            source?.stop();
          } catch {
            // not started yet
          }
          if (paused) void ctx.resume();
        },
        setVolume(volume) {
          gain.gain.value = volume;
        },
      };
    },
  };
}
