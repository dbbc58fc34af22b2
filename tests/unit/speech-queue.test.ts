// The speech output's queue: lines in order, cancel cuts the current and queued ones, private lines wait for private
// listening, reset brings the site's defaults back and forgets what was spoken; the first backend with a voice wins.
import { describe, expect, it } from 'vitest';
import { createSpeechOut, defaultRate, defaultVolume } from '../../renderer/kit/speech-queue';
import type { Playing, VoiceBackend } from '../../renderer/kit/voice-backend';

/** A backend whose lines end when the test says so. */
function handBackend(source: 'system' | 'kiosk', langs: readonly string[]) {
  const started: { text: string; rate: number; volume: number; end: () => void; stopped: boolean; paused: boolean }[] = [];
  const backend: VoiceBackend = {
    available: () => langs.length > 0,
    voiceFor: async (lang) => (langs.includes(lang) ? { lang, name: `${source} ${lang}`, source } : null),
    play(text, _voice, options, onStart): Playing {
      let finish: (r: 'done' | 'cancelled') => void = () => undefined;
      const ended = new Promise<'done' | 'cancelled'>((resolve) => (finish = resolve));
      const entry = { text, ...options, end: () => finish('done'), stopped: false, paused: false };
      started.push(entry);
      queueMicrotask(onStart);
      return {
        ended,
        pause: () => void (entry.paused = true),
        resume: () => void (entry.paused = false),
        stop() {
          entry.stopped = true;
          finish('cancelled');
        },
        setVolume: () => undefined,
      };
    },
  };
  return { backend, started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('speech output', () => {
  it('speaks lines one after another, in order, and logs each when it starts', async () => {
    const { backend, started } = handBackend('system', ['fr']);
    const out = createSpeechOut([backend]);
    const first = out.say({ text: 'Bonjour', lang: 'fr-FR' });
    const second = out.say({ text: 'Au revoir', lang: 'fr' });
    await tick();
    expect(started.map((s) => s.text)).toEqual(['Bonjour']);
    started[0]?.end();
    expect(await first).toBe('done');
    await tick();
    expect(started.map((s) => s.text)).toEqual(['Bonjour', 'Au revoir']);
    started[1]?.end();
    expect(await second).toBe('done');
    expect(out.log.map((e) => [e.text, e.lang, e.source])).toEqual([
      ['Bonjour', 'fr', 'system'],
      ['Au revoir', 'fr', 'system'],
    ]);
  });

  it('cancel cuts the line being spoken and every queued one; later lines are spoken', async () => {
    const { backend, started } = handBackend('system', ['fr']);
    const out = createSpeechOut([backend]);
    const lines = [out.say({ text: 'un', lang: 'fr' }), out.say({ text: 'deux', lang: 'fr' }), out.say({ text: 'trois', lang: 'fr' })];
    await tick();
    out.cancel();
    expect(await Promise.all(lines)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(started.map((s) => [s.text, s.stopped])).toEqual([['un', true]]);
    const after = out.say({ text: 'quatre', lang: 'fr' });
    await tick();
    started[1]?.end();
    expect(await after).toBe('done');
  });

  it('uses the first backend with a voice for the language, and says when none has one', async () => {
    const system = handBackend('system', ['en']);
    const kiosk = handBackend('kiosk', ['fr', 'en', 'ar']);
    const out = createSpeechOut([system.backend, kiosk.backend]);
    expect(await out.voiceFor('en-GB')).toMatchObject({ source: 'system' });
    expect(await out.voiceFor('ar')).toMatchObject({ source: 'kiosk', lang: 'ar' });
    expect(await out.voiceFor('de')).toBeNull();
    expect(await out.say({ text: 'Hallo', lang: 'de' })).toBe('no-voice');
  });

  it('withholds private lines until private listening is allowed; reset forbids it again', async () => {
    const { backend, started } = handBackend('kiosk', ['fr']);
    const out = createSpeechOut([backend]);
    expect(await out.say({ text: 'Code A1B2', lang: 'fr', privacy: 'private' })).toBe('withheld');
    expect(started).toEqual([]);
    out.allowPrivate(true);
    const spoken = out.say({ text: 'Code A1B2', lang: 'fr', privacy: 'private' });
    await tick();
    started[0]?.end();
    expect(await spoken).toBe('done');
    out.reset();
    expect(await out.say({ text: 'Code A1B2', lang: 'fr', privacy: 'private' })).toBe('withheld');
  });

  it('rate and volume are bounded, passed to the voice, and reset to the site defaults with the log wiped', async () => {
    const { backend, started } = handBackend('kiosk', ['fr']);
    const out = createSpeechOut([backend]);
    out.setRate(9);
    out.setVolume(-1);
    const line = out.say({ text: 'Vite', lang: 'fr' });
    await tick();
    expect(started[0]).toMatchObject({ rate: 2, volume: 0 });
    out.pause();
    expect(started[0]?.paused).toBe(true);
    out.resume();
    expect(started[0]?.paused).toBe(false);
    out.reset();
    expect(await line).toBe('cancelled');
    expect([out.rate, out.volume, out.log.length]).toEqual([defaultRate, defaultVolume, 0]);
  });
});
