// The kiosk's one speech output: every spoken word goes through here, whichever voice speaks it.
//
// API (stable: add, do not rename):
//   interface SpokenLine  { text; lang; privacy?: 'public' | 'private' }
//   interface VoiceChoice { lang; name; source: 'system' | 'kiosk' }
//   interface SpeechOut {
//     voiceFor(lang): Promise<VoiceChoice | null>   null: nothing can speak this language here
//     hasOutput(): boolean                          false: no way to speak at all (meaningful once voiceFor resolved)
//     say(line, onStart?): Promise<SayResult>        one line, queued after the ones before it; resolves when spoken or cut
//     pause(); resume(); cancel()                    cancel cuts the current line and every queued one
//     setRate(rate); setVolume(volume); reset()      reset = site defaults, queue cut, log wiped (end of visit)
//     allowPrivate(allowed)                          private lines are withheld until a private listening is confirmed
//     readonly rate; readonly volume; readonly log
//   }
//   speechOut(): SpeechOut                           the page's one instance
//
// The log is what was spoken during this visit, kept in memory for tests and the audio mode's "repeat"; it is wiped
// by reset() and with the page at the end of a visit, and never sent anywhere. Browser tests read it on the page as
// `window.passerelleSpeech.log` (speechLogGlobal).
import { createApiClient, detectTransport } from './transport';
import { kioskVoice } from './kiosk-voice';
import { systemVoice } from './system-voice';
import { createSpeechOut, type SpeechOut } from './speech-queue';

export {
  createSpeechOut,
  defaultRate,
  defaultVolume,
  rateBounds,
  type SayResult,
  type SpeechOut,
  type SpokenEntry,
  type SpokenLine,
  type VoiceChoice,
} from './speech-queue';

let instance: SpeechOut | null = null;

/** Where browser tests find the page's speech output (its log): on the window, never outside the page. */
export const speechLogGlobal = 'passerelleSpeech';

/** The page's one speech output: the system voice when it has a good local one, else the kiosk's own voice. */
export function speechOut(): SpeechOut {
  if (!instance) {
    let api: ReturnType<typeof createApiClient> | null = null;
    instance = createSpeechOut([systemVoice(), kioskVoice(() => (api ??= createApiClient(detectTransport())))]);
    Object.defineProperty(window, speechLogGlobal, { value: instance, configurable: true });
  }
  return instance;
}
