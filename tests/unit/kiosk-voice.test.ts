// The kiosk voice service with the real eSpeak NG program: a WAV with honest sizes for each language, a missing
// program reported as no voice, lines cut at sentences for the route's limit, and French names found for lang="fr".
import { describe, expect, it } from 'vitest';
import { frenchRuns } from '../../common/content/french-names';
import { fixWavSizes, wordsPerMinute } from '../../main/speech/espeak';
import { createKioskVoice } from '../../main/speech/kiosk-voice';
import { speechChunks } from '../../common/kiosk/speech-chunks';

const quietLog = () => {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (e: string, f?: object) => void lines.push(`${e} ${JSON.stringify(f)}`),
      warn: (e: string, f?: object) => void lines.push(`${e} ${JSON.stringify(f)}`),
    },
  };
};

describe('kiosk voice service', () => {
  it('speaks fr, en and ar as 16-bit WAVs whose sizes match their bytes, and logs no word of it', async () => {
    const { lines, log } = quietLog();
    const voice = createKioskVoice({ locales: ['fr', 'en', 'ar'], log });
    await voice.ready;
    expect(voice.status().kioskVoice.engine).toMatch(/^eSpeak NG \d/);
    for (const [lang, text] of [
      ['fr', 'Votre carte Vitale est prête.'],
      ['en', 'Your card is ready.'],
      ['ar', 'بطاقتك جاهزة.'],
    ] as const) {
      const answer = await voice.synthesize(text, lang, 1);
      expect(answer.ok).toBe(true);
      if (!answer.ok) continue;
      const wav = Buffer.from(answer.value, 'base64');
      expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
      expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
      expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
      // At 22 050 samples a second, 16 bits: more than half a second of sound.
      expect(wav.length - 44).toBeGreaterThan(22_050);
    }
    expect(lines.join('\n')).not.toMatch(/Vitale|card|بطاقتك/);
  });

  it('without the program, no language has a voice and a line is refused as unavailable', async () => {
    const voice = createKioskVoice({ locales: ['fr'], log: quietLog().log, program: '/nonexistent/espeak-ng' });
    await voice.ready;
    expect(voice.status()).toEqual({ kioskVoice: { engine: null }, languages: { fr: { kioskVoice: null, used: null } } });
    expect(await voice.synthesize('Bonjour', 'fr', 1)).toEqual({
      ok: false,
      error: 'speech.unavailable',
    });
  });

  it('rates map to eSpeak NG words per minute within bounds; a WAV without a data chunk is refused', () => {
    expect([wordsPerMinute(1), wordsPerMinute(0.1), wordsPerMinute(9)]).toEqual([175, 88, 350]);
    expect(fixWavSizes(Buffer.from('not a wav at all, not a wav at all, not a wav'))).toBeNull();
  });

  it('cuts a long text at sentence ends, each piece within the limit, nothing lost', () => {
    const sentence = 'Prenez votre carte Vitale et votre ordonnance. ';
    const text = sentence.repeat(30).trim();
    const chunks = speechChunks(text, 200);
    expect(chunks.every((c) => c.length <= 200)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
    expect(chunks.every((c) => c.endsWith('.'))).toBe(true);
  });

  it('finds French names inside other text, whole words only', () => {
    expect(frenchRuns('Bring your carte Vitale and your ordonnance to the pharmacie.')).toEqual([
      { text: 'Bring your ', fr: false },
      { text: 'carte Vitale', fr: true },
      { text: ' and your ', fr: false },
      { text: 'ordonnance', fr: true },
      { text: ' to the ', fr: false },
      { text: 'pharmacie', fr: true },
      { text: '.', fr: false },
    ]);
    expect(frenchRuns('mairies, Mutuelle, ameli.fr')).toEqual([
      { text: 'mairies', fr: true },
      { text: ', ', fr: false },
      { text: 'Mutuelle', fr: true },
      { text: ', ameli.fr', fr: false },
    ]);
    expect(frenchRuns('Ameliorate')).toEqual([{ text: 'Ameliorate', fr: false }]);
  });
});
