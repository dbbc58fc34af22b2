// "Écouter": reads a region (the page, a dialog) aloud through the kiosk's speech output, block by block,
// highlighting the block being read; pause, resume, stop. Says plainly when this kiosk has no voice for the
// language, or no speech at all. Reading stops when the region changes (a new step) or goes away.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import { isDrawn } from '../kit/drawn';
import { signalActivity } from '../kit/idle';
import { readingUnits, showReading, type ReadingUnit } from '../kit/reading-units';
import { speechOut } from '../kit/speech-out';
import { SpeakerIcon } from './SpeakerIcon';

/** Whether a node is drawn on screen: a text by its element. */
const drawn = (node: Node): boolean => {
  const element = node instanceof Element ? node : node.parentElement;
  return element !== null && isDrawn(element);
};

/**
 * A change the visitor can see: not one inside a screen drawn ahead and still hidden, nor the arrival of one (the
 * need screens are drawn once the visit's code is here, maybe while the home screen is being read).
 */
const seenChange = (change: MutationRecord): boolean =>
  drawn(change.target) && (change.type !== 'childList' || change.removedNodes.length > 0 || [...change.addedNodes].some(drawn));

type Status = 'idle' | 'loading' | 'playing' | 'paused' | 'no-voice' | 'no-speech';

interface ReadAloudProps {
  /** The region to read; looked up when the visitor presses play, so it is the one on screen then. */
  readonly target: () => HTMLElement | null;
  /** The language of the region (blocks marked with another lang are read in theirs). */
  readonly lang: string;
  /** "Écouter la page" on a page, "Écouter" in a dialog. */
  readonly label?: string;
}

export function ReadAloud({ target, lang, label }: ReadAloudProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('idle');
  // Each reading has a number: events of a reading that was stopped are ignored.
  const reading = useRef(0);
  const own = useRef<HTMLDivElement>(null);

  const stop = () => {
    reading.current += 1;
    speechOut().cancel();
    showReading(null);
    setStatus('idle');
  };

  // Speech belongs to what is on screen: leaving the page or closing the dialog stops it.
  useEffect(
    () => () => {
      reading.current += 1;
      speechOut().cancel();
      showReading(null);
    },
    [],
  );

  // The voices are looked up before the press (the platform lists its own late): the first line starts sooner.
  useEffect(() => void speechOut().voiceFor(lang), [lang]);

  // A new step or answer replaces the text being read: stop rather than read what is gone. The region is the one on
  // screen when a reading starts or pauses (the target is looked up, not a dependency).
  const regionNow = useEffectEvent(() => target());
  const regionChanged = useEffectEvent(() => stop());
  useEffect(() => {
    const region = regionNow();
    if (status !== 'playing' && status !== 'paused') return;
    if (!region) return;
    const observer = new MutationObserver((changes) => {
      if (changes.some((change) => !own.current?.contains(change.target) && seenChange(change))) regionChanged();
    });
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [status]);

  const speak = async (units: readonly ReadingUnit[], id: number) => {
    const out = speechOut();
    for (const unit of units) {
      if (id !== reading.current) return;
      // A block in a language this kiosk cannot speak is skipped, not read with a wrong accent.
      if (!(await out.voiceFor(unit.lang))) continue;
      if (id !== reading.current) return;
      const result = await out.say({ text: unit.text, lang: unit.lang }, () => {
        if (id !== reading.current) return;
        showReading(unit.element);
        // Listening is being there: the idle timer must not end the visit of someone listening to a page.
        signalActivity();
      });
      if (result === 'cancelled') return;
    }
    if (id !== reading.current) return;
    showReading(null);
    setStatus('idle');
  };

  const play = async () => {
    const out = speechOut();
    if (status === 'paused') {
      out.resume();
      return setStatus('playing');
    }
    const id = ++reading.current;
    setStatus('loading');
    const voice = await out.voiceFor(lang);
    if (id !== reading.current) return;
    if (!voice) return setStatus(out.hasOutput() ? 'no-voice' : 'no-speech');
    const region = target();
    const units = region ? readingUnits(region, lang) : [];
    out.cancel();
    setStatus('playing');
    void speak(units, id);
  };

  const pause = () => {
    speechOut().pause();
    setStatus('paused');
  };

  const active = status === 'playing' || status === 'paused';
  return (
    <div className="read-aloud" ref={own}>
      {status === 'playing' ? (
        <Button className="action" onPress={pause}>
          {t('readAloud.pause')}
        </Button>
      ) : (
        <Button className="action" onPress={() => void play()} isDisabled={status === 'loading'}>
          <SpeakerIcon />
          {status === 'paused' ? t('readAloud.resume') : (label ?? t('readAloud.play'))}
        </Button>
      )}
      {active && (
        <Button className="action" onPress={stop}>
          {t('readAloud.stop')}
        </Button>
      )}
      <p role="status" className="read-aloud-status">
        {status === 'no-voice' && t('readAloud.noVoice')}
        {status === 'no-speech' && t('readAloud.noSpeech')}
      </p>
    </div>
  );
}
