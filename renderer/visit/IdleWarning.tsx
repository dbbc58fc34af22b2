// "Vous êtes encore là ?": shown after the idle time; counts down 30 seconds (at least 20, WCAG 2.2.1), says what will
// be erased, and one tap anywhere (or any key) keeps the visit going, as many times as needed. The mediator's own
// warning (assisted mode) is the same dialog with two minutes and its own words: the accompaniment closes with a ticket.
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import { ReadAloud } from '../components/ReadAloud';

export const warningSeconds = 30;
export const mediatorWarningSeconds = 120;

/** The words of each warning: the visitor's, and the mediator's during an accompaniment. */
const texts = {
  visitor: { title: 'idle.title', countdown: 'idle.countdown', lines: ['idle.ends', 'idle.erase'], stay: 'idle.stay', end: 'idle.end' },
  mediator: {
    title: 'assisted.idleTitle',
    countdown: 'assisted.idleCountdown',
    lines: ['assisted.idleEnds', 'assisted.idleTicket'],
    stay: 'assisted.idleStay',
    end: 'assisted.idleEnd',
  },
} as const;

interface IdleWarningProps {
  readonly onStay: () => void;
  readonly onEnd: () => void;
  readonly kind?: keyof typeof texts;
}

export function IdleWarning({ onStay, onEnd, kind = 'visitor' }: IdleWarningProps) {
  const { t, i18n } = useTranslation();
  const seconds = kind === 'mediator' ? mediatorWarningSeconds : warningSeconds;
  const words = texts[kind];
  const [left, setLeft] = useState(seconds);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const endsAt = Date.now() + seconds * 1000;
    const tick = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(tick);
        onEnd();
      }
    }, 250);
    return () => clearInterval(tick);
  }, [onEnd, seconds]);

  // Screen readers hear the warning when it opens, then at 20, 10 and 5 seconds: not every second.
  const spoken = [60, 20, 10, 5].find((mark) => mark < seconds && left <= mark && left > mark - 5) ?? seconds;

  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => !open && onStay()}>
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog idle-warning">
          <div ref={body}>
            <Heading slot="title" className="dialog-title">
              {t(words.title)}
            </Heading>
            <ReadAloud target={() => body.current} lang={i18n.language} />
            <p className="idle-count" role="timer" aria-live="off">
              {t(words.countdown, { count: left })}
            </p>
            <p className="visually-hidden" aria-live="assertive">
              {t(words.countdown, { count: spoken })}
            </p>
            {words.lines.map((line) => (
              <p key={line}>{t(line)}</p>
            ))}
            <div className="dialog-actions">
              <Button className="action action-primary" onPress={onStay} autoFocus>
                {t(words.stay)}
              </Button>
              <Button className="action" onPress={onEnd}>
                {t(words.end)}
              </Button>
            </div>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
