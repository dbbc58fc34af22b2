// The speech output's engine: one line at a time over voice backends, in order of preference; no platform code here
// (the page's instance is in speech-out.ts, the voices in system-voice.ts and kiosk-voice.ts).
import type { Playing, SayResult, VoiceBackend, VoiceChoice } from './voice-backend';

export type { SayResult, VoiceChoice } from './voice-backend';

export interface SpokenLine {
  readonly text: string;
  /** A BCP 47 tag or its base ("fr", "ar-SA"); the voice is chosen on the base language. */
  readonly lang: string;
  /** 'private' lines (codes, tickets, sensitive pages) are spoken only when private listening is allowed. */
  readonly privacy?: 'public' | 'private';
}

export interface SpokenEntry {
  readonly text: string;
  readonly lang: string;
  readonly source: VoiceChoice['source'] | 'none';
  readonly privacy: 'public' | 'private';
  readonly at: number;
}

export interface SpeechOut {
  voiceFor(lang: string): Promise<VoiceChoice | null>;
  hasOutput(): boolean;
  say(line: SpokenLine, onStart?: () => void): Promise<SayResult>;
  pause(): void;
  resume(): void;
  cancel(): void;
  setRate(rate: number): void;
  setVolume(volume: number): void;
  reset(): void;
  allowPrivate(allowed: boolean): void;
  readonly rate: number;
  readonly volume: number;
  readonly paused: boolean;
  readonly log: readonly SpokenEntry[];
}

/**
 * The site's defaults, restored at the end of each visit. Rates are Web Speech rates (1 = the voice's normal pace).
 * The volume starts below the loudest, so that a visitor who hears badly can still make it louder (EN 301 549 5.1.3.12).
 */
export const defaultRate = 0.9;
export const defaultVolume = 0.6;
export const rateBounds = { min: 0.5, max: 2 } as const;

const baseLang = (lang: string) => (lang.toLowerCase().split(/[-_]/)[0] ?? lang).trim();
const clamp = (value: number, min: number, max: number) => (Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min);

interface Queued {
  readonly line: SpokenLine;
  readonly onStart?: () => void;
  readonly resolve: (result: SayResult) => void;
  settled: boolean;
}

const settle = (item: Queued, result: SayResult) => {
  if (item.settled) return;
  item.settled = true;
  item.resolve(result);
};

/** Builds a speech output over voice backends, in order of preference (tests may build one over their own). */
export function createSpeechOut(backends: readonly VoiceBackend[]): SpeechOut {
  const queue: Queued[] = [];
  const log: SpokenEntry[] = [];
  /** The line whose voice is being chosen, then the one being spoken. */
  let preparing: Queued | null = null;
  let current: { readonly item: Queued; readonly playing: Playing } | null = null;
  let running = false;
  let rate = defaultRate;
  let volume = defaultVolume;
  let paused = false;
  let privateAllowed = false;

  const choose = async (lang: string): Promise<{ backend: VoiceBackend; voice: VoiceChoice } | null> => {
    for (const backend of backends) {
      const voice = await backend.voiceFor(baseLang(lang));
      if (voice) return { backend, voice };
    }
    return null;
  };

  const speakOne = async (item: Queued): Promise<void> => {
    const { line } = item;
    const privacy = line.privacy ?? 'public';
    if (privacy === 'private' && !privateAllowed) return settle(item, 'withheld');
    preparing = item;
    const chosen = await choose(line.lang);
    preparing = null;
    if (item.settled) return; // cut by cancel() while its voice was being chosen
    if (!chosen) {
      log.push({ text: line.text, lang: baseLang(line.lang), source: 'none', privacy, at: Date.now() });
      return settle(item, 'no-voice');
    }
    const playing = chosen.backend.play(line.text, chosen.voice, { rate, volume }, () => {
      if (item.settled) return;
      log.push({ text: line.text, lang: chosen.voice.lang, source: chosen.voice.source, privacy, at: Date.now() });
      item.onStart?.();
    });
    current = { item, playing };
    if (paused) playing.pause();
    const ended = await playing.ended;
    if (current?.item === item) current = null;
    settle(item, ended);
  };

  // One line at a time, in the order they were asked for.
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (let item = queue.shift(); item; item = queue.shift()) await speakOne(item);
    } finally {
      running = false;
    }
  };

  const out: SpeechOut = {
    voiceFor: async (lang) => (await choose(lang))?.voice ?? null,
    hasOutput: () => backends.some((backend) => backend.available()),
    say(line, onStart) {
      return new Promise<SayResult>((resolve) => {
        queue.push({ line, onStart, resolve, settled: false });
        void run();
      });
    },
    pause() {
      paused = true;
      current?.playing.pause();
    },
    resume() {
      paused = false;
      current?.playing.resume();
    },
    cancel() {
      for (const item of queue.splice(0)) settle(item, 'cancelled');
      if (preparing) settle(preparing, 'cancelled');
      if (current) {
        const { item, playing } = current;
        current = null;
        settle(item, 'cancelled');
        playing.stop();
      }
      paused = false;
    },
    setRate(value) {
      rate = clamp(value, rateBounds.min, rateBounds.max);
    },
    setVolume(value) {
      volume = clamp(value, 0, 1);
      current?.playing.setVolume(volume);
    },
    reset() {
      out.cancel();
      rate = defaultRate;
      volume = defaultVolume;
      privateAllowed = false;
      log.splice(0);
    },
    allowPrivate(allowed) {
      privateAllowed = allowed;
    },
    get rate() {
      return rate;
    },
    get volume() {
      return volume;
    },
    get paused() {
      return paused;
    },
    log,
  };
  return out;
}
