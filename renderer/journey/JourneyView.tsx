// A journey for a visitor on their own: the readiness questions, then one step at a time, and the way without internet.
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GlossaryWord, JourneyBody, JourneyStep } from '../../common/api/types';
import { OfficialAddress } from '../components/OfficialAddress';
import { RichLine, RichList, RichParagraphs } from '../components/RichLine';
import { ReadinessQuestion } from './Readiness';
import { nextOnPath, previousOnPath, readinessStart, visitorPath, type ReadinessState } from './readiness-state';
import { positionOnPath, type StepPosition } from './step-position';
import { useKiosk } from '../kit/KioskContext';
import { printPage } from '../kit/print';
import { BidiText } from '../components/BidiText';
import { StepActions } from './StepActions';
import { OfficialSite } from './OfficialSite';

/** A step is an index into the journey's steps (its length once finished), on the visitor's own path. */
type Phase =
  ({ readonly name: 'readiness' } & ReadinessState) | { readonly name: 'step'; readonly index: number; readonly path: readonly number[] };

/** The journey, and beside it at every moment the way to do the same thing without internet: a real choice, not a failure. */
export function JourneyView({
  body,
  glossary,
  onBack,
}: {
  body: JourneyBody;
  glossary: Readonly<Record<string, GlossaryWord>>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [showOffline, setShowOffline] = useState(false);
  const [phase, setPhase] = useState<Phase>(() =>
    body.readiness.length > 0 ? { name: 'readiness', ...readinessStart } : startOn(visitorPath(body, [])),
  );
  // The final screens (what to bring, done) show the offline card themselves.
  const finished =
    (phase.name === 'readiness' && phase.question >= body.readiness.length && phase.bring.length > 0 && phase.blocked) ||
    (phase.name === 'step' && phase.index >= body.steps.length);
  return (
    <>
      <JourneyPhases body={body} glossary={glossary} phase={phase} setPhase={setPhase} onBack={onBack} />
      {finished ? null : showOffline ? (
        <Offline body={body} glossary={glossary} />
      ) : (
        <Button className="action offline-choice" onPress={() => setShowOffline(true)}>
          {t('journey.offline')}
        </Button>
      )}
    </>
  );
}

/** The first step of a path. */
const startOn = (path: readonly number[]): Phase => ({ name: 'step', index: path[0] ?? 0, path });

interface PhasesProps {
  readonly body: JourneyBody;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
  readonly phase: Phase;
  readonly setPhase: (phase: Phase) => void;
  readonly onBack: () => void;
}

function JourneyPhases({ body, glossary, phase, setPhase, onBack }: PhasesProps) {
  const { t } = useTranslation();
  const { api, capabilities } = useKiosk();
  const first = useRef(true);
  useEffect(() => {
    // Each new step or question takes the focus, as a new screen would; not on the first render (the page heading has it).
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('.journey-focus')?.focus();
  }, [phase]);

  if (phase.name === 'readiness') {
    const question = body.readiness[phase.question];
    if (!question) {
      const start = () => setPhase(startOn(visitorPath(body, phase.missing)));
      // The answer buttons are gone: the focus goes to "Commencer", not to the page.
      if (phase.bring.length === 0)
        return (
          <Button className="action action-primary journey-focus" onPress={start}>
            {t('journey.start')}
          </Button>
        );
      return (
        <section aria-labelledby="bring-heading" className="note print-card">
          <h2 id="bring-heading" className="journey-focus" tabIndex={-1}>
            {t(phase.blocked ? 'journey.bring' : 'journey.bringLater')}
          </h2>
          <RichList items={phase.bring} glossary={glossary} />
          {/* Nothing missing stops the journey: it can go on, and the list stays to print. */}
          {phase.blocked ? (
            <Offline body={body} glossary={glossary} />
          ) : (
            <div className="answer-row no-print">
              <Button className="action action-primary" onPress={start}>
                {t('journey.continueAnyway')}
              </Button>
              <Button className="action" onPress={() => void printPage(api, capabilities)}>
                {t('journey.print')}
              </Button>
            </div>
          )}
        </section>
      );
    }
    return (
      <ReadinessQuestion body={body} glossary={glossary} state={phase} onAnswer={(next) => setPhase({ name: 'readiness', ...next })} />
    );
  }

  const step = body.steps[phase.index];
  const previous = previousOnPath(phase.path, phase.index);
  if (!step) {
    return (
      <section className="note">
        <h2 className="journey-focus" tabIndex={-1}>
          {t('journey.done')}
        </h2>
        <Offline body={body} glossary={glossary} />
      </section>
    );
  }
  return (
    <section aria-labelledby="step-heading" className="journey-step">
      <StepBody step={step} position={positionOnPath(phase.path, phase.index)} glossary={glossary} showProblems />
      {step.url && <OfficialSite url={step.url} />}
      <StepActions
        step={step}
        glossary={glossary}
        onBack={onBack}
        onPrevious={previous !== null ? () => setPhase({ ...phase, index: previous }) : undefined}
        next={
          <Button
            className="action action-primary"
            onPress={() => setPhase({ ...phase, index: nextOnPath(phase.path, phase.index) ?? body.steps.length })}
          >
            {t('journey.next')}
          </Button>
        }
      />
    </section>
  );
}

interface StepBodyProps {
  readonly step: JourneyStep;
  readonly position: StepPosition;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
  /** In assisted mode the common problems go to the mediator's panel instead. */
  readonly showProblems: boolean;
}

/** One step as the visitor sees it: its number, title, text, what to have at hand, the official address. */
export function StepBody({ step, position, glossary, showProblems }: StepBodyProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="step-counter">{t('journey.step', { n: position.n, total: position.total })}</p>
      <h2 id="step-heading" className="journey-focus" tabIndex={-1}>
        <BidiText text={step.title} />
      </h2>
      {step.secret && <p className="note secret-note">{t('journey.secret')}</p>}
      <div className="easy-read">
        <RichParagraphs text={step.text} glossary={glossary} />
      </div>
      {step.at_hand.length > 0 && (
        <>
          <h3>{t('journey.atHand')}</h3>
          <ul>
            {step.at_hand.map((item, index) => (
              <li key={index}>
                <RichLine text={item} glossary={glossary} />
              </li>
            ))}
          </ul>
        </>
      )}
      {step.url && <OfficialAddress url={step.url} />}
      {showProblems && step.problems.length > 0 && (
        <details className="problems">
          <summary>{t('journey.problems')}</summary>
          {step.problems.map((p, index) => (
            <div key={index}>
              <p>
                <strong>
                  <RichLine text={p.problem} glossary={glossary} />
                </strong>
              </p>
              <RichParagraphs text={p.fix} glossary={glossary} />
            </div>
          ))}
        </details>
      )}
    </>
  );
}

/** The way without internet, printable on its own: the print stylesheet keeps only this card. */
export function Offline({ body, glossary }: { body: JourneyBody; glossary: Readonly<Record<string, GlossaryWord>> }) {
  const { t } = useTranslation();
  const { api, capabilities } = useKiosk();
  return (
    <div className="offline-card print-card">
      <h3>{body.offline.title}</h3>
      <RichParagraphs text={body.offline.text} glossary={glossary} />
      <Button className="action no-print" onPress={() => void printPage(api, capabilities)}>
        {t('journey.print')}
      </Button>
    </div>
  );
}
