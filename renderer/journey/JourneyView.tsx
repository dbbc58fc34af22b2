// A journey for a visitor on their own: the readiness questions, then one step at a time, and the way without internet.
import { useReducer, useState, type Dispatch } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import type { GlossaryWord, JourneyBody, JourneyStep } from '../../common/api/types';
import { OfficialAddress } from '../components/OfficialAddress';
import { RichLine, RichList, RichParagraphs } from '../components/RichLine';
import { ReadinessQuestion } from './Readiness';
import { previousOnPath } from './readiness-state';
import { positionOnPath, type StepPosition } from './step-position';
import { journeyReducer, readinessBlocked, startJourney, focusKey, type JourneyAction, type JourneyState } from './journey-machine';
import { useFocusOnChange, type FocusTarget } from '../kit/focus-on-change';
import { useKiosk } from '../kit/KioskContext';
import { printPage } from '../kit/print';
import { BidiText } from '../components/BidiText';
import { StepActions } from './StepActions';
import { StepProblems } from './StepProblems';
import { OfficialSite } from './OfficialSite';

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
  const [state, dispatch] = useReducer(journeyReducer, body, (start) => startJourney(start, 'alone'));
  // The final screens (what to bring, done) show the offline card themselves.
  const finished = readinessBlocked(state) || state.phase.name === 'done';
  return (
    <>
      <JourneyPhases glossary={glossary} state={state} dispatch={dispatch} onBack={onBack} />
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

interface PhasesProps {
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
  readonly state: JourneyState;
  readonly dispatch: Dispatch<JourneyAction>;
  readonly onBack: () => void;
}

function JourneyPhases({ glossary, state, dispatch, onBack }: PhasesProps) {
  const { t } = useTranslation();
  const { api, capabilities } = useKiosk();
  const { body, phase } = state;
  // Each new step or question takes the focus, as a new screen would; not on the first render (the page heading has it).
  const focus = useFocusOnChange(focusKey(phase));

  if (phase.name === 'readiness') {
    const question = body.readiness[phase.question];
    if (!question) {
      const start = () => dispatch({ type: 'start' });
      // The answer buttons are gone: the focus goes to "Commencer", not to the page.
      if (phase.bring.length === 0)
        return (
          <Button className="action action-primary journey-focus" onPress={start} ref={focus}>
            {t('journey.start')}
          </Button>
        );
      return (
        <section aria-labelledby="bring-heading" className="note print-card">
          <h2 id="bring-heading" className="journey-focus" tabIndex={-1} ref={focus}>
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
      <ReadinessQuestion
        body={body}
        glossary={glossary}
        state={phase}
        onAnswer={(yes) => dispatch({ type: 'answer', yes })}
        focusRef={focus}
      />
    );
  }

  const step = phase.name === 'step' ? body.steps[phase.index] : undefined;
  if (phase.name !== 'step' || !step) {
    return (
      <section className="note">
        <h2 className="journey-focus" tabIndex={-1} ref={focus}>
          {t('journey.done')}
        </h2>
        <Offline body={body} glossary={glossary} />
      </section>
    );
  }
  return (
    <section aria-labelledby="step-heading" className="journey-step">
      <StepBody step={step} position={positionOnPath(state.path, phase.index)} glossary={glossary} showProblems focusRef={focus} />
      {step.url && <OfficialSite url={step.url} />}
      <StepActions
        step={step}
        glossary={glossary}
        onBack={onBack}
        onPrevious={previousOnPath(state.path, phase.index) !== null ? () => dispatch({ type: 'previous' }) : undefined}
        next={
          <Button className="action action-primary" onPress={() => dispatch({ type: 'next' })}>
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
  /** Given when the step's title is where the focus goes. */
  readonly focusRef?: FocusTarget | undefined;
}

/** One step as the visitor sees it: its number, title, text, what to have at hand, the official address. */
export function StepBody({ step, position, glossary, showProblems, focusRef }: StepBodyProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="step-counter">{t('journey.step', { n: position.n, total: position.total })}</p>
      <h2 id="step-heading" className="journey-focus" tabIndex={-1} ref={focusRef}>
        <BidiText text={step.title} />
      </h2>
      {step.secret && <p className="note secret-note">{t('journey.secret')}</p>}
      <div className="easy-read">
        <RichParagraphs text={step.text} glossary={glossary} />
      </div>
      {step.atHand.length > 0 && (
        <>
          <h3>{t('journey.atHand')}</h3>
          <ul>
            {step.atHand.map((item, index) => (
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
          <StepProblems problems={step.problems} glossary={glossary} />
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
