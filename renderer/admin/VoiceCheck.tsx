// The self-check's voices: for each language of the site, which voice speaks it (a local system voice first, else
// the kiosk voice), a short sample played through the speakers, and a failure when a language has no voice at all.
// The result goes to the host, so /api/health shows it too.
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ApiClient } from '../../common/api/contract';
import type { Locale, PublicSettings, VoiceSource } from '../../common/api/types';
import { languages } from '../i18n/languages';
import { speechOut } from '../kit/speech-out';
import { adminTexts as text } from './texts';

interface LanguageVoice {
  readonly lang: Locale;
  readonly source: VoiceSource | 'none';
  readonly name: string | null;
  readonly played: boolean;
}

export function VoiceCheck({ api, token, settings }: { api: ApiClient; token: string; settings: PublicSettings }) {
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<readonly LanguageVoice[] | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  const run = async () => {
    setRunning(true);
    setResults(null);
    const out = speechOut();
    const found: LanguageVoice[] = [];
    for (const lang of settings.locales) {
      const voice = await out.voiceFor(lang);
      const played = voice ? (await out.say({ text: text.voiceSamples[lang], lang })) === 'done' : false;
      found.push({ lang, source: voice?.source ?? 'none', name: voice?.name ?? null, played });
    }
    await api['speech.report']({ token, voices: found.map(({ lang, source, name }) => ({ lang, source, name })) });
    setResults(found);
    setRunning(false);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const missing = results?.filter((r) => r.source === 'none').length ?? 0;
  return (
    <div className="voice-check">
      <h3>{text.voiceTitle}</h3>
      <p>{text.voiceIntro}</p>
      <Button className="action" onPress={() => void run()} isDisabled={running}>
        {text.voiceRun}
      </Button>
      <div role="status">{running && <p>{text.voiceRunning}</p>}</div>
      {results && (
        <>
          <p ref={summary} tabIndex={-1} role={missing > 0 ? 'alert' : undefined} className="voice-check-summary">
            {missing > 0 ? text.voiceFailed(missing) : text.voicePassed}
          </p>
          <ul aria-label={text.voiceTitle}>
            {results.map(({ lang, source, name, played }) => {
              const language = languages[lang].autonym;
              if (source === 'none') return <li key={lang}>{text.voiceMissing(language)}</li>;
              const line = played ? text.voiceUsed : text.voiceSilent;
              return <li key={lang}>{line(language, text.voiceSource[source], name ?? '')}</li>;
            })}
          </ul>
        </>
      )}
    </div>
  );
}
