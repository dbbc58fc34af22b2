// The kiosk voice: on a Chromium without voices (as Debian's), reading a page in fr, en and ar speaks through eSpeak NG
// run by the real host; the WAV the host sends the page is real, non-silent speech of a plausible length (sox says so).
// The host's route holds under a burst and refuses what it must; without any voice the page says so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, useOwnHost } from './fixtures';
import { installSpeechStandIn, spokenTexts } from './speech';

interface LoggedLine {
  readonly text: string;
  readonly lang: string;
  readonly source: string;
  readonly at: number;
}

/** The platform has no voice at all, as Debian's Chromium: the page must rely on the kiosk voice. */
async function withoutSystemVoices(page: Page) {
  await page.addInitScript(() => {
    if ('speechSynthesis' in window) window.speechSynthesis.getVoices = () => [];
  });
}

const speechLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { passerelleSpeech?: { log: LoggedLine[] } }).passerelleSpeech?.log.slice() ?? []);

/** sox's statistics of a WAV file (`sox f.wav -n stat`, printed on stderr): its length in seconds and RMS amplitude. */
function soxStat(file: string): { seconds: number; rms: number } {
  const { stderr, status } = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  if (status !== 0) throw new Error(`sox could not read ${file}: ${stderr}`);
  const number = (label: string) => Number(new RegExp(`${label}:\\s+([-0-9.e]+)`).exec(stderr)?.[1] ?? NaN);
  return { seconds: number('Length \\(seconds\\)'), rms: number('RMS\\s+amplitude') };
}

const languages = [
  { code: 'fr', radio: 'Français', title: 'Bonjour', listen: 'Écouter la page', stop: 'Arrêter' },
  { code: 'en', radio: 'English', title: 'Hello', listen: 'Listen to this page', stop: 'Stop' },
  { code: 'ar', radio: 'العربية', title: 'مرحبًا', listen: 'استمع إلى الصفحة', stop: 'إيقاف' },
] as const;

const audioDir = mkdtempSync(join(tmpdir(), 'passerelle-voice-'));
test.afterAll(() => rmSync(audioDir, { recursive: true, force: true }));

for (const language of languages) {
  test(`reading the home page in ${language.code} without a system voice speaks real audio in the kiosk voice`, async ({ page, host }) => {
    await withoutSystemVoices(page);
    const wavs: { text: string; wav: Buffer; ms: number }[] = [];
    page.on('request', (request) => {
      if (!request.url().endsWith('/api/call/speech.synthesize')) return;
      const { text } = request.postDataJSON() as { text: string };
      void request.response().then(async (response) => {
        const body = (await response?.json()) as { ok: boolean; value?: { wav: string } };
        if (body.ok && body.value) wavs.push({ text, wav: Buffer.from(body.value.wav, 'base64'), ms: request.timing().responseEnd });
      });
    });
    await page.goto(host.url);
    if (language.code !== 'fr') await page.getByRole('radio', { name: language.radio }).click();
    await expect(page.getByRole('heading', { level: 1, name: language.title })).toBeVisible();

    const clickedAt = await page.evaluate(() => Date.now());
    await page.getByRole('button', { name: language.listen }).click();
    // The first block starts, then the next: the audio really plays to its end in the page.
    await expect.poll(async () => (await speechLog(page)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const log = await speechLog(page);
    await page.getByRole('button', { name: language.stop, exact: true }).click();

    expect(log[0]).toMatchObject({ text: language.title, lang: language.code, source: 'kiosk' });
    expect(log.every((line) => line.source === 'kiosk')).toBe(true);
    const firstAudioMs = (log[0]?.at ?? NaN) - clickedAt;
    console.log(`kiosk voice ${language.code}: first audio ${firstAudioMs} ms after the press`);
    expect(firstAudioMs).toBeLessThan(3000);

    await expect.poll(() => wavs.length).toBeGreaterThanOrEqual(2);
    for (const [index, { text, wav, ms }] of wavs.slice(0, 2).entries()) {
      const file = join(audioDir, `${language.code}-${index}.wav`);
      writeFileSync(file, wav);
      const { seconds, rms } = soxStat(file);
      console.log(
        `kiosk voice ${language.code}: ${text.length} characters -> ${seconds.toFixed(2)} s of audio, RMS ${rms.toFixed(3)}, made and sent in ${Math.round(ms)} ms`,
      );
      // Speech, not silence: a clear RMS level; and as long as a person takes to say it (20 to 250 ms a character).
      expect(rms).toBeGreaterThan(0.02);
      expect(seconds).toBeGreaterThan(Math.max(0.3, text.length * 0.02));
      expect(seconds).toBeLessThan(1 + text.length * 0.25);
    }
    expect(wavs.map((w) => w.text).slice(0, 2)).toEqual(log.slice(0, 2).map((line) => line.text));
  });
}

test('the platform voice is preferred where it has a local one; the kiosk voice speaks the other languages', async ({ page, host }) => {
  await installSpeechStandIn(page, { langs: ['en-GB'] });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Écouter la page' }).click();
  await expect.poll(async () => (await speechLog(page)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  expect((await speechLog(page))[0]).toMatchObject({ text: 'Bonjour', source: 'kiosk' });
  expect(await spokenTexts(page)).toEqual([]);
  await page.getByRole('button', { name: 'Arrêter', exact: true }).click();

  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Listen to this page' }).click();
  await expect.poll(() => spokenTexts(page)).toEqual(['Hello']);
  expect((await speechLog(page)).at(-1)).toMatchObject({ text: 'Hello', source: 'system' });
});

test('the host speaks only what it must, and holds under a burst: a few lines at once, a short wait line, then busy', async ({ host }) => {
  const call = async (input: object) => {
    const response = await fetch(new URL('/api/call/speech.synthesize', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(host.url).origin },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; error?: string; field?: string; value?: { wav: string } };
  };
  const secret = 'Mon code secret est 4 8 1 5';
  expect(await call({ text: 'x'.repeat(601), lang: 'fr' })).toMatchObject({ ok: false, error: 'api.invalidInput', field: 'text' });
  expect(await call({ text: 'Hallo', lang: 'de' })).toMatchObject({ ok: false, error: 'api.invalidInput', field: 'lang' });
  expect(await call({ text: 'Vite', lang: 'fr', rate: 5 })).toMatchObject({ ok: false, error: 'api.invalidInput', field: 'rate' });
  expect(await call({ text: '   ', lang: 'fr' })).toMatchObject({ ok: false, error: 'api.invalidInput', field: 'text' });

  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: 40 }, () => call({ text: secret, lang: 'fr' })));
  const elapsed = Date.now() - started;
  const made = answers.filter((a) => a.ok).length;
  const busy = answers.filter((a) => a.error === 'speech.busy').length;
  console.log(`burst of 40: ${made} made, ${busy} busy, in ${elapsed} ms`);
  expect(made + busy).toBe(40);
  expect(made).toBeGreaterThanOrEqual(10);
  expect(busy).toBeGreaterThan(0);
  // Once the burst is over, the voice answers again at once.
  expect(await call({ text: 'Bonjour', lang: 'fr' })).toMatchObject({ ok: true });

  // Nothing the visitor hears is written anywhere in the host's data folder; its log is there and names the voice.
  const log = readFileSync(join(host.dataDir, 'logs', 'passerelle.log'), 'utf8');
  expect(log).toContain('speech.kioskVoice');
  const grep = spawnSync('grep', ['-rl', '--', 'code secret', host.dataDir], { encoding: 'utf8' });
  expect([grep.status, grep.stdout]).toEqual([1, '']);
});

test.describe('a kiosk with no voice at all for a language', () => {
  const saved = process.env.PASSERELLE_ESPEAK;
  test.beforeAll(() => {
    process.env.PASSERELLE_ESPEAK = join(tmpdir(), 'passerelle-no-espeak-here');
  });
  const ownHost = useOwnHost('passerelle-novoice-');
  test.beforeAll(() => {
    if (saved === undefined) delete process.env.PASSERELLE_ESPEAK;
    else process.env.PASSERELLE_ESPEAK = saved;
  });

  test('without a voice for the language, or without speech at all, the button says so', async ({ page }) => {
    await installSpeechStandIn(page, { langs: ['en-GB'] });
    await page.goto(ownHost().url);
    await page.getByRole('button', { name: 'Écouter la page' }).click();
    await expect(page.locator('.page-tools').getByRole('status')).toHaveText(
      "Cette borne n'a pas de voix pour cette langue. Demandez à l'accueil.",
    );
    expect(await spokenTexts(page)).toEqual([]);
    const health = (await (await fetch(new URL('/api/health', ownHost().url))).json()) as { speech?: unknown };
    expect(health.speech).toMatchObject({ kioskVoice: { engine: null }, languages: { fr: { kioskVoice: null } } });

    const noSpeech = await page.context().newPage();
    await noSpeech.addInitScript(() => {
      delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis;
      delete (Window.prototype as unknown as { speechSynthesis?: unknown }).speechSynthesis;
    });
    await noSpeech.goto(ownHost().url);
    await noSpeech.getByRole('button', { name: 'Écouter la page' }).click();
    await expect(noSpeech.locator('.page-tools').getByRole('status')).toHaveText(
      "Cette borne ne peut pas lire à voix haute. Demandez à l'accueil.",
    );
    await noSpeech.close();
  });
});
