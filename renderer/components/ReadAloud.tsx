// Reads sentences aloud with the platform's speech synthesis, saying which sentence is being read;
// says plainly when this kiosk has no voice for the language, or no speech at all.
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type Status = 'idle' | 'playing' | 'paused' | 'no-voice' | 'no-speech';

function voiceFor(lang: string): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  return window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang)) ?? null;
}

export function ReadAloud({ lang, sentences, onSentence }: { lang: string; sentences: readonly string[]; onSentence: (index: number | null) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('idle');
  const stopped = useRef(false);

  // Speech belongs to what is on screen: leaving the dialog or the page stops it.
  useEffect(() => () => {
    stopped.current = true;
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  }, []);

  const speakFrom = (index: number, voice: SpeechSynthesisVoice) => {
    const sentence = sentences[index];
    if (sentence === undefined || stopped.current) {
      setStatus('idle');
      onSentence(null);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onstart = () => onSentence(index);
    utterance.onend = () => speakFrom(index + 1, voice);
    window.speechSynthesis.speak(utterance);
  };

  const play = () => {
    if (!('speechSynthesis' in window)) return setStatus('no-speech');
    if (status === 'paused') {
      window.speechSynthesis.resume();
      return setStatus('playing');
    }
    const voice = voiceFor(lang);
    if (!voice) return setStatus('no-voice');
    stopped.current = false;
    window.speechSynthesis.cancel();
    setStatus('playing');
    speakFrom(0, voice);
  };
  const pause = () => {
    window.speechSynthesis.pause();
    setStatus('paused');
  };
  const stop = () => {
    stopped.current = true;
    window.speechSynthesis.cancel();
    setStatus('idle');
    onSentence(null);
  };

  return (
    <div className="read-aloud">
      {status === 'playing' ? (
        <Button className="action" onPress={pause}>{t('readAloud.pause')}</Button>
      ) : (
        <Button className="action" onPress={play}>{t(status === 'paused' ? 'readAloud.resume' : 'readAloud.play')}</Button>
      )}
      {(status === 'playing' || status === 'paused') && <Button className="action" onPress={stop}>{t('readAloud.stop')}</Button>}
      <p role="status" className="read-aloud-status">
        {status === 'no-voice' && t('readAloud.noVoice')}
        {status === 'no-speech' && t('readAloud.noSpeech')}
      </p>
    </div>
  );
}
