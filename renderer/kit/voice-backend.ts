// What a voice behind the speech output provides: the voice it has for a language, and playing one line with it.

export interface VoiceChoice {
  readonly lang: string;
  readonly name: string;
  /** 'system': the platform's synthesis (Web Speech); 'kiosk': the voice installed with the app, run by the host. */
  readonly source: 'system' | 'kiosk';
}

/** 'withheld': a private line while private listening is not allowed; nothing was spoken. */
export type SayResult = 'done' | 'cancelled' | 'no-voice' | 'withheld';

export interface PlayOptions {
  /** Web Speech rate: 1 is the voice's normal pace. */
  readonly rate: number;
  /** 0 to 1. */
  readonly volume: number;
}

/** One line being played. `ended` always settles: 'done' at its end, 'cancelled' after stop() or a failure. */
export interface Playing {
  readonly ended: Promise<Extract<SayResult, 'done' | 'cancelled'>>;
  pause(): void;
  resume(): void;
  stop(): void;
  setVolume(volume: number): void;
}

export interface VoiceBackend {
  /** Whether this backend can speak at all here (some voice, for some language). */
  available(): boolean;
  /** Its voice for a base language ("fr", "en", "ar"), or null. */
  voiceFor(lang: string): Promise<VoiceChoice | null>;
  /** Plays one line; onStart when the sound starts. */
  play(text: string, voice: VoiceChoice, options: PlayOptions, onStart: () => void): Playing;
}
