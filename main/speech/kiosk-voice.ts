// The kiosk voice service: eSpeak NG speaks a line as a WAV for the page when the platform has no good voice for the
// language. Checked once at start; bounded under bursts (a few programs at once, a short wait line, then "busy").
// What the visitor hears is never logged: failures are logged with the language and a reason only.
import { fail, ok, type Result } from '../../common/api/result';
import { locales, type KioskVoices, type Locale, type SpeechStatus, type VoiceSource } from '../../common/api/types';
import type { Logger } from '../core/log';
import { espeakProgram, espeakVersion, espeakWav } from './espeak';
import { isoNow, systemClock, type Clock } from '../core/clock';

export interface KioskVoiceOptions {
  /** The languages the site offers. */
  readonly locales: readonly Locale[];
  readonly log: Pick<Logger, 'info' | 'warn'>;
  readonly program?: string;
  /** Lines made at the same time (the kiosk has few cores). */
  readonly concurrency?: number;
  /** Lines that may wait for a turn; more are answered `speech.busy`. */
  readonly waiting?: number;
  readonly timeoutMs?: number;
  readonly now?: Clock;
}

type Used = { readonly source: VoiceSource | 'none'; readonly name: string | null; readonly checkedAt: string };

export function createKioskVoice(options: KioskVoiceOptions) {
  const program = options.program ?? espeakProgram();
  const concurrency = options.concurrency ?? 2;
  const waitingMax = options.waiting ?? 8;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? systemClock;
  let engine: string | null = null;
  let spoken = new Set<Locale>();
  const used = new Map<Locale, Used>();

  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };

  /** Finds the program and which of the site's languages it speaks (a short word each). */
  const probe = async () => {
    const version = await espeakVersion(program);
    engine = version ? `eSpeak NG ${version}` : null;
    const found = new Set<Locale>();
    if (engine) for (const lang of options.locales) if (await espeakWav(program, lang, 'a', 1, timeoutMs)) found.add(lang);
    spoken = found;
    options.log.info('speech.kioskVoice', { engine: engine ?? 'none', languages: [...found].join(' ') || 'none' });
  };
  // A probe that fails (the program vanished while it ran) leaves the kiosk without its voice, never an error.
  const ready = probe().catch(() => {
    engine = null;
    spoken = new Set();
  });

  const voices = (): KioskVoices => ({
    engine,
    voices: [...spoken].map((lang) => ({ lang, name: `eSpeak NG ${lang}` })),
  });

  const status = (): SpeechStatus => ({
    kioskVoice: { engine },
    languages: Object.fromEntries(
      options.locales.map((lang) => [lang, { kioskVoice: spoken.has(lang) ? `eSpeak NG ${lang}` : null, used: used.get(lang) ?? null }]),
    ),
  });

  return {
    status,
    ready,
    /** The languages the kiosk voice speaks, once the start-up check is over. */
    async voices(): Promise<KioskVoices> {
      await ready;
      return voices();
    },
    /** A line spoken as a WAV file, in base64. */
    async synthesize(
      text: string,
      lang: Locale,
      rate: number,
    ): Promise<Result<string, 'speech.unavailable' | 'speech.busy' | 'speech.failed'>> {
      await ready;
      if (!spoken.has(lang)) return fail('speech.unavailable');
      if (running >= concurrency && waiting.length >= waitingMax) return fail('speech.busy');
      const wav = await turn(() => espeakWav(program, lang, text, rate, timeoutMs));
      if (!wav) {
        options.log.warn('speech.failed', { lang });
        return fail('speech.failed');
      }
      return ok(wav.toString('base64'));
    },
    /** Which voice the page used for each language, for the status page. */
    report(reported: readonly ({ readonly lang: Locale } & Omit<Used, 'checkedAt'>)[]): void {
      const checkedAt = isoNow(now);
      for (const { lang, source, name } of reported) if (locales.includes(lang)) used.set(lang, { source, name, checkedAt });
    },
  };
}

export type KioskVoice = ReturnType<typeof createKioskVoice>;
