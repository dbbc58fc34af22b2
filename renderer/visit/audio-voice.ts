// Audio mode's use of the speech output: lines said in order, the last ones kept for "repeat", private lines held
// back until the visitor chooses headphones or the speaker, and the visitor's volume and speed changes.
import type { SpeechOut, SpokenLine } from '../kit/speech-out';

export type Said = Required<SpokenLine>;

export interface SpeakOptions {
  /** Cut what is being said first (the visitor acted). */
  readonly interrupt?: boolean;
  /** Kept for "repeat" (default); feedback such as "louder" is not. */
  readonly remember?: boolean;
}

export function createAudioVoice(speech: SpeechOut, privateQuestion: () => Said) {
  let last: readonly Said[] = [];
  let withheld: Said[] = [];
  let generation = 0;

  const speak = async (lines: readonly Said[], { interrupt = false, remember = true }: SpeakOptions = {}): Promise<void> => {
    if (interrupt) {
      generation += 1;
      speech.cancel();
    }
    const mine = generation;
    const plain = lines.map(({ text, lang, privacy }) => ({ text, lang, privacy }));
    if (remember && plain.length > 0) last = plain;
    const results = await Promise.all(plain.map((line) => speech.say(line)));
    const held = plain.filter((_, i) => results[i] === 'withheld');
    // A private part was not said: ask once how the visitor wants to hear it (unless they moved on meanwhile).
    if (held.length > 0 && mine === generation) {
      withheld = held;
      await speech.say(privateQuestion());
    }
  };

  return {
    speak,
    repeat: () => speak(last, { interrupt: true }),
    askingPrivate: () => withheld.length > 0,
    /** The visitor confirmed headphones, or chose the speaker: private lines are said from now on in this visit. */
    allowPrivate(confirmation: Said) {
      speech.allowPrivate(true);
      const held = withheld;
      withheld = [];
      return speak([confirmation, ...held], { interrupt: true });
    },
    adjust(kind: 'volume' | 'rate', change: (value: number) => number, said: Said, atLimit: Said) {
      const before = speech[kind];
      if (kind === 'volume') speech.setVolume(change(before));
      else speech.setRate(change(before));
      return speak([speech[kind] === before ? atLimit : said], { interrupt: true, remember: false });
    },
  };
}
