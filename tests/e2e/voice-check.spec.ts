// The admin self-check's voices: a sample played in each language (through the real kiosk voice here, this Chromium
// has none of its own), the result in /api/health; and a failure naming the languages when the kiosk has no voice.
import type { Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, setupCodeOf, test, useOwnHost, type RunningHost } from './fixtures';
import { adminLogin } from './admin-login';

const passphrase = 'la borne qui parle aux visiteurs';

async function openAdmin(page: Page, host: RunningHost) {
  const call = async (name: string, input: object) =>
    (await (
      await fetch(new URL(`/api/call/${name}`, host.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(host.url).origin },
        body: JSON.stringify(input),
      })
    ).json()) as { ok: boolean; value?: { configured?: boolean } };
  if (!(await call('admin.status', {})).value?.configured) await call('admin.setup', { passphrase, code: setupCodeOf(host) });
  await page.addInitScript(() => {
    if ('speechSynthesis' in window) window.speechSynthesis.getVoices = () => [];
  });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await adminLogin(page, passphrase);
}

test.describe('a kiosk with its voice installed', () => {
  const host = useOwnHost('passerelle-voicecheck-');

  test('the self-check plays a sample in each language, says which voice speaks it, and /api/health shows it', async ({ page }) => {
    await openAdmin(page, host());
    await page.getByRole('button', { name: 'Écouter un exemple dans chaque langue' }).click();
    await expect(page.getByText('Voix : réussi. Chaque langue a une voix.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('list', { name: 'Vérifier les voix' }).getByRole('listitem')).toHaveText([
      'Français : voix de la borne (eSpeak NG), eSpeak NG fr. Exemple lu.',
      'English : voix de la borne (eSpeak NG), eSpeak NG en. Exemple lu.',
      'العربية : voix de la borne (eSpeak NG), eSpeak NG ar. Exemple lu.',
    ]);
    const log = await page.evaluate(
      () => (window as unknown as { passerelleSpeech: { log: { lang: string; source: string }[] } }).passerelleSpeech.log,
    );
    expect(log.map((line) => [line.lang, line.source])).toEqual([
      ['fr', 'kiosk'],
      ['en', 'kiosk'],
      ['ar', 'kiosk'],
    ]);
    const health = (await (await fetch(new URL('/api/health', host().url))).json()) as { speech: unknown };
    expect(health.speech).toMatchObject({
      kioskVoice: { engine: expect.stringMatching(/^eSpeak NG \d/) },
      languages: {
        fr: { kioskVoice: 'eSpeak NG fr', used: { source: 'kiosk', name: 'eSpeak NG fr' } },
        en: { kioskVoice: 'eSpeak NG en', used: { source: 'kiosk' } },
        ar: { kioskVoice: 'eSpeak NG ar', used: { source: 'kiosk' } },
      },
    });
  });
});

test.describe('a kiosk without any voice', () => {
  const saved = process.env.PASSERELLE_ESPEAK;
  test.beforeAll(() => {
    process.env.PASSERELLE_ESPEAK = join(tmpdir(), 'passerelle-no-espeak-here');
  });
  const host = useOwnHost('passerelle-voicecheck-none-');
  test.beforeAll(() => {
    if (saved === undefined) delete process.env.PASSERELLE_ESPEAK;
    else process.env.PASSERELLE_ESPEAK = saved;
  });

  test('the self-check fails and names each language that has no voice', async ({ page }) => {
    await openAdmin(page, host());
    await page.getByRole('button', { name: 'Écouter un exemple dans chaque langue' }).click();
    await expect(page.getByRole('alert')).toHaveText("Voix : échec. 3 langues sans voix. Voir le guide d'installation, partie « Voix ».");
    await expect(page.getByRole('list', { name: 'Vérifier les voix' }).getByRole('listitem').first()).toHaveText(
      'Français : aucune voix. Les visiteurs ne peuvent pas écouter les pages dans cette langue.',
    );
    const health = (await (await fetch(new URL('/api/health', host().url))).json()) as { speech: unknown };
    expect(health.speech).toMatchObject({ languages: { ar: { kioskVoice: null, used: { source: 'none', name: null } } } });
  });
});
