// The end of an accompaniment: a page the visitor takes home (printed, or photographed where there is no printer).
// Next steps, a resume ticket when the journey is not finished, the official help number, advice against scams, a QR
// code holding the same next steps, and the visitor's receipt of what happened. No name, no code, nothing typed.
// When the visit had to end mid-way (nobody answered the mediator, or "Terminer"), it closes the accompaniment by
// itself with its ticket, and prints the slip unasked after the mediator's idle. Printing says when the paper came
// out (or that it failed), and a second tap does not print a second copy. The sheet carries the journal head the kiosk
// verified at its last check (an anchor kept outside the database), never the live head: a slip must not point to
// its own rows.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import type {
  AccompanimentOutcome,
  BlockedReason,
  GlossaryWord,
  JourneyBody,
  JournalHeadText,
  RedirectionKey,
  WaitKind,
} from '../../common/api/types';
import type { RichText } from '../../common/content/inline-nodes';
import { redirectionKeys } from '../../common/api/types';
import { useKiosk } from '../kit/KioskContext';
import { printPage } from '../kit/print';
import { useFocusOnMount } from '../kit/focus-on-change';
import { assuranceMaladiePhone, PhoneNumber } from '../components/PhoneNumber';
import { loadQrEncoder, QrCode } from '../components/QrCode';
import { RichList } from '../components/RichLine';
import { useAssisted, type Closing, type UnlockedMediator } from './AssistedContext';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { ResumeSlip } from './ResumeSlip';
import { HandOffFrench, type ReceiptLine } from './HandOffFrench';

interface HandOffProps {
  readonly journeyTitle: string;
  readonly outcome: AccompanimentOutcome;
  readonly receipt: readonly ReceiptLine[];
  /** What to come back with, when the readiness questions ended the journey for today. */
  readonly bring: readonly RichText[];
  /** The step a ticket resumes at, or null when the journey is finished. */
  readonly resumeAt: string | null;
  readonly accompaniment: string | null;
  readonly mediator: UnlockedMediator;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
  /** Titles of the steps left to do. */
  readonly remaining: readonly string[];
  readonly onFinished: () => void;
  /** The visit had to end mid-way: the accompaniment closes here by itself. */
  readonly closing?: Closing;
  /** Why the journey stopped where the ticket resumes: a block's reason, or a wait. */
  readonly stop?: { readonly reason: BlockedReason | null; readonly wait: WaitKind | null };
  /** The journey's need (Mon espace santé's journeys give its own number on the slip). */
  readonly need?: string | undefined;
  /** Places of the readiness questions whose "no" left something to bring: the ticket carries them. */
  readonly bringIndices?: readonly number[];
  /** The journey (its id and the visitor's body): the sheet gives it in French too when the visitor reads another language. */
  readonly journey?: { readonly id: string; readonly body: JourneyBody };
}

/** How long the hand-off waits for its parts (ticket, journal head, QR encoder) before it offers its buttons anyway. */
const partsWaitMs = 3000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type PrintState = { readonly name: 'idle' | 'printing' | 'failed' } | { readonly name: 'printed'; readonly at: Date };

export function HandOff({
  journeyTitle,
  outcome,
  receipt,
  bring,
  resumeAt,
  accompaniment,
  mediator,
  glossary,
  remaining,
  onFinished,
  closing,
  stop,
  need,
  bringIndices = [],
  journey,
}: HandOffProps) {
  const { t } = useTranslation();
  const { api, locale, capabilities } = useKiosk();
  const { printing, lock, endVisit } = useAssisted();
  const [ticket, setTicket] = useState<{ code: string; expiresAt: string } | null>(null);
  const [ending, setEnding] = useState(false);
  const [printState, setPrintState] = useState<PrintState>({ name: 'idle' });
  const [redirection, setRedirection] = useState('none');
  const [journalHead, setJournalHead] = useState<JournalHeadText | null>(null);
  const [complete, setComplete] = useState(false);
  // Taps while the page prints, or after it printed, print nothing more: one visit, one sheet (unless it failed).
  const printBusy = useRef(false);
  const asked = useRef(false);
  // The accompaniment already ended here (closed by the mediator's idle): "Terminer" only ends the visit.
  const ended = useRef(false);

  const time = (at: Date) => at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const nextText = [
    journeyTitle,
    remaining.length > 0 ? `${t('assisted.nextLeft')} ${remaining.join(' ; ')}` : t('assisted.nextDone'),
    ticket ? `${t('assisted.ticket')} ${ticket.code}` : '',
    `${t('assisted.helpPhone')} ${assuranceMaladiePhone}`,
  ]
    .filter(Boolean)
    .join('\n');

  /** The journal's record of the print under way: the accompaniment must still be open when it is written. */
  const printRecorded = useRef<Promise<unknown>>(Promise.resolve());
  const print = async () => {
    if (printBusy.current) return;
    printBusy.current = true;
    setPrintState({ name: 'printing' });
    if (accompaniment) {
      const recording = mediator.api['assisted.record']({
        accompaniment,
        event: 'print',
        what: bring.length > 0 ? 'slip' : 'summary',
      });
      printRecorded.current = recording;
      await recording;
    }
    // The page's own print (browser kiosk) returns once Chromium has handed the page to the print queue.
    const result = await printPage(api, capabilities);
    if (result !== 'printed') printBusy.current = false;
    setPrintState(result === 'printed' ? { name: 'printed', at: new Date() } : { name: 'failed' });
  };
  // The hand-off takes the focus as it appears, and does its work once: the ticket, and closing by itself after the
  // mediator's idle time (with what is on screen then).
  const focusHeading = useFocusOnMount();
  const shown = useEffectEvent(() => {
    // What the sheet carries beside the journey: the journal's head, the ticket, the QR code's encoder. The buttons
    // come once they are in (3 s at most): a sheet printed earlier lacked the ticket, and the parts arriving above
    // the buttons pushed them under the mediator's finger.
    const head = api['kiosk.status']({}).then(
      (answer) => answer.ok && setJournalHead(answer.value.journal?.checkpoint ?? null),
      () => undefined,
    );
    const encoder = loadQrEncoder().catch(() => undefined);
    void (async () => {
      if (resumeAt && accompaniment) {
        const answer = await mediator.api['assisted.ticketCreate']({
          accompaniment,
          step: resumeAt,
          ...(bringIndices.length > 0 ? { bring: [...bringIndices] } : {}),
        });
        if (answer.ok) setTicket(answer.value);
      }
      await Promise.race([Promise.all([head, encoder]), pause(partsWaitMs)]);
      setComplete(true);
      // Only a hand-off closing by itself (nobody answered the mediator) goes on; a session that ended meanwhile has
      // closed assisted mode already.
      if (closing !== 'idle') return;
      // Nobody answered the mediator: the slip prints (where there is a printer), the accompaniment ends, assisted
      // mode closes; the slip stays on screen until the visitor's own idle time ends the visit.
      // The sheet goes to the printer; the closing waits only for its line in the journal, not for the paper.
      if (printing) {
        void print();
        await printRecorded.current;
      }
      if (accompaniment) await mediator.api['assisted.end']({ accompaniment, outcome });
      ended.current = true;
      await mediator.api['mediator.lock']({});
      lock(true);
    })();
  });
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    shown();
  }, []);
  // Where the mediator sent the visitor (La Coop's "Structure de redirection"): journaled as a key, the last one counts.
  const redirect = async (choice: string) => {
    setRedirection(choice);
    if (!accompaniment || !(redirectionKeys as readonly string[]).includes(choice)) return;
    await mediator.api['assisted.record']({ accompaniment, event: 'redirected', to: choice as RedirectionKey });
  };
  const finish = async () => {
    setEnding(true);
    if (accompaniment && !ended.current) await mediator.api['assisted.end']({ accompaniment, outcome });
    if (closing) return endVisit(closing === 'idle' ? 'idle' : 'visitor');
    onFinished();
  };

  return (
    <section aria-labelledby="handoff-heading" className="handoff print-card">
      <h2 id="handoff-heading" className="journey-focus" tabIndex={-1} ref={focusHeading}>
        {t('assisted.summaryTitle')}
      </h2>
      <p className="lead">{journeyTitle}</p>
      {closing && <p className="note">{t(closing === 'idle' ? 'assisted.closedIdle' : 'assisted.closedVisitor')}</p>}

      {bring.length > 0 && (
        <>
          <p>{t('assisted.bringSlip')}</p>
          <RichList items={bring} glossary={glossary} />
        </>
      )}

      <h3>{t('assisted.next')}</h3>
      {remaining.length > 0 ? (
        <>
          <p>{t('assisted.nextLeft')}</p>
          <ol>
            {remaining.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('assisted.nextDone')}</p>
      )}
      {ticket && (
        <>
          <ResumeSlip code={ticket.code} expiresAt={ticket.expiresAt} reason={stop?.reason ?? null} wait={stop?.wait ?? null} need={need} />
          {closing && <p>{t('assisted.keepSlip')}</p>}
        </>
      )}

      <div className="handoff-qr">
        <QrCode text={nextText} label={t('assisted.qr')} />
        <p>{t('assisted.qrHint')}</p>
      </div>

      <h3>{t('assisted.help')}</h3>
      <p>
        {t('assisted.helpPhone')} <PhoneNumber number={assuranceMaladiePhone} />
      </p>

      <h3>{t('assisted.scamTitle')}</h3>
      <ul>
        <li>{t('assisted.scamCodes')}</li>
        <li>{t('assisted.scamMessages')}</li>
        <li>{t('assisted.scamLinks')}</li>
      </ul>

      <h3>{t('assisted.receipt')}</h3>
      <p>{t('assisted.receiptRole', { role: t(`assisted.roles.${mediator.role}`) })}</p>
      {receipt.length > 0 && (
        <ol className="receipt">
          {receipt.map((line, index) => (
            <li key={`${line.step}-${index}`}>
              <strong>{line.step}</strong>
              <span className="block-line">
                {t(`assisted.outcomes.${line.outcome}`)}. {/* A blocked step was done by nobody: it says only that it is blocked. */}
                {line.outcome !== 'blocked' && (
                  <>
                    {t('assisted.columns.by')} : {t(`assisted.by.${line.by}`)}.{' '}
                  </>
                )}
                {t('assisted.columns.time')} : <bdi dir="ltr">{time(line.at)}</bdi>
              </span>
            </li>
          ))}
        </ol>
      )}
      {journey && (
        <HandOffFrench
          journeyId={journey.id}
          body={journey.body}
          receipt={receipt}
          remaining={remaining}
          bring={bring}
          role={mediator.role}
        />
      )}
      {journalHead && (
        <p className="note journal-head">
          {t('assisted.journalHead', { rows: journalHead.rows })} · <bdi dir="ltr">{journalHead.hash}</bdi>
        </p>
      )}

      {closing !== 'idle' && (
        <div className="no-print handoff-redirect">
          <h3 id="redirect-heading">{t('assisted.redirectTitle')}</h3>
          <ChoiceGroup
            labelledBy="redirect-heading"
            options={[
              { id: 'none', label: t('assisted.redirectNone') },
              ...redirectionKeys.map((id) => ({ id, label: t(`assisted.redirections.${id}`) })),
            ]}
            value={redirection}
            onChange={(choice) => void redirect(choice)}
          />
        </div>
      )}

      {/* Its buttons come with the parts the sheet carries (above): nothing arrives after them to push them down. */}
      <div className="answer-row no-print">
        {!complete ? null : !printing ? (
          <p className="note">{t('assisted.noPrinter')}</p>
        ) : (
          // It stays where it is once printed (greyed): a second tap lands on it, not on "Terminer" moving into its place.
          <Button
            className="action"
            isDisabled={printState.name === 'printing' || printState.name === 'printed'}
            onPress={() => void print()}
          >
            {bring.length > 0 ? t('assisted.printSlip') : t('assisted.print')}
          </Button>
        )}
        {/* Always in the page (a live region must be there before it speaks); framed only when it says something. */}
        <p role="status" className={printState.name === 'printing' || printState.name === 'printed' ? 'note' : undefined}>
          {printState.name === 'printing'
            ? t('assisted.printing')
            : printState.name === 'printed'
              ? t('assisted.printedAt', { time: time(printState.at) })
              : ''}
        </p>
        {printState.name === 'failed' && (
          <p role="alert" className="note">
            {t('assisted.printFailed')}
          </p>
        )}
        {complete && (
          <Button className="action action-primary" isDisabled={ending} onPress={() => void finish()}>
            {t('assisted.finish')}
          </Button>
        )}
      </div>
    </section>
  );
}
