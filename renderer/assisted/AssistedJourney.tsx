// A journey with a mediator beside the visitor: the consent card, the readiness questions, one step at a time with
// the mediator's panel, each step ended as done, skipped or blocked with a reason, a wait (an SMS, a letter) that
// stops the clocks, then the hand-off; and if the visit has to end mid-way, the hand-off with a ticket all the same.
// Every event goes to the journal through the API; what the visitor types never does.
import { useEffect, useEffectEvent, useMemo, useReducer, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import type {
  AccompanimentOutcome,
  BlockedReason,
  GlossaryWord,
  JourneyBody,
  StepActor,
  StepOutcome,
  WaitKind,
} from '../../common/api/types';
import { blockedReasons, waitKinds } from '../../common/api/types';
import { useFocusOnChange } from '../kit/focus-on-change';
import { RichList } from '../components/RichLine';
import { StepBody } from '../journey/JourneyView';
import { ReadinessQuestion } from '../journey/Readiness';
import { previousOnPath, visitorPath } from '../journey/readiness-state';
import { positionOnPath } from '../journey/step-position';
import {
  canStop,
  focusKey,
  journeyReducer,
  lastEnded,
  readinessBlocked,
  startJourney,
  type Closing,
  type Correction,
} from '../journey/journey-machine';
import { useAssisted, type UnlockedMediator } from './AssistedContext';
import { ChoicePanel } from './ChoicePanel';
import { CorrectLast } from './CorrectLast';
import { ResumeHistory } from './ResumeHistory';
import { useStaffJourney } from './staff-journey';
import { staffLang, useStaffT } from './staff-language';
import { HandOff } from './HandOff';
import { MediatorPanel } from './MediatorPanel';
import { canOpenBeside, OfficialPane } from '../components/OfficialPane';
import { StepActions } from '../journey/StepActions';

/** What the journey records: the consent, a secret step, the end of a step (print is recorded by the hand-off). */
type RecordEvent =
  | { readonly event: 'consent.given' }
  | { readonly event: 'step.secret'; readonly step: string }
  | { readonly event: 'step.wait'; readonly step: string; readonly what: WaitKind }
  | { readonly event: 'step'; readonly step: string; readonly outcome: 'blocked'; readonly reason: BlockedReason }
  | { readonly event: 'step'; readonly step: string; readonly outcome: 'done' | 'skipped'; readonly by: 'visitor' | 'mediator' }
  | ({ readonly event: 'step.corrected'; readonly step: string } & Correction);

interface AssistedJourneyProps {
  readonly journeyId: string;
  /** The journey's need: Mon espace santé's journeys give its own phone number on the slip. */
  readonly need?: string;
  readonly title: string;
  readonly body: JourneyBody;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
  readonly mediator: UnlockedMediator;
  /** The visitor said no to the consent card: the journey goes on without assisted mode. */
  readonly onRefused: () => void;
  readonly onFinished: () => void;
  /** Back to the screen the journey was opened from. */
  readonly onBack: () => void;
}

export function AssistedJourney({ journeyId, need, title, body, glossary, mediator, onRefused, onFinished, onBack }: AssistedJourneyProps) {
  const { t } = useTranslation();
  // The mediator's controls speak French whatever the visitor reads; the visitor's own buttons follow the visitor.
  const st = useStaffT();
  const { resume, setResume, officialOrigins, waiting, setWaiting, setCloser } = useAssisted();
  // The official site shown beside the steps (Electron with an allowlist), until closed or the journey ends.
  const [beside, setBeside] = useState<string | null>(null);
  const [state, dispatch] = useReducer(journeyReducer, body, (start) => startJourney(start, 'assisted'));
  const { phase } = state;
  const [accompaniment, setAccompaniment] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  // A ticket brings the visitor back to its step; it is used once, by this journey.
  const [resumed] = useState(() => (resume?.journey === journeyId ? resume : null));
  // The French journey, for what the mediator reads (the history of a resumed accompaniment).
  const staffBody = useStaffJourney(journeyId, body);
  const bringIndices = (missing: readonly string[]) =>
    body.readiness.flatMap((q, i) => ('bring' in q.ifNo && missing.includes(q.id) ? [i] : []));
  useEffect(() => setResume(null), [setResume]);
  // The newest part of the screen takes the focus: the step's heading, or the question or panel that appeared under it.
  const focus = useFocusOnChange(focusKey(phase));

  /** Records an event of this accompaniment (an ended session closes assisted mode through the mediator's calls). */
  const record = async (event: RecordEvent, id = accompaniment) => {
    if (!id) return false;
    const answer = await mediator.api['assisted.record']({ ...event, accompaniment: id });
    return answer.ok;
  };

  const step = phase.name === 'step' ? body.steps[phase.index] : undefined;
  // A secret step is journaled once, when it shows: only that it took place.
  const secretStep = step?.secret ? step.id : null;
  const recordSecret = useEffectEvent((id: string) => void record({ event: 'step.secret', step: id }));
  useEffect(() => {
    if (secretStep) recordSecret(secretStep);
  }, [secretStep]);

  const accept = async () => {
    const started = await mediator.api['assisted.start']({
      journey: journeyId,
      ...(resumed?.from ? { resumes: resumed.from } : {}),
    });
    if (!started.ok) return setMessage(t('assisted.unreachable'));
    setAccompaniment(started.value.accompaniment);
    await record({ event: 'consent.given' }, started.value.accompaniment);
    dispatch({ type: 'consent', resumeAt: resumed?.step ?? null });
  };

  const endStep = async (outcome: StepOutcome, by: StepActor, why?: BlockedReason) => {
    if (phase.name !== 'step' || !step) return;
    // A blocked step has its reason and nobody who did it; a done or skipped step has who did it.
    const ended: RecordEvent =
      outcome === 'blocked'
        ? { event: 'step', step: step.id, outcome, reason: why ?? 'other' }
        : { event: 'step', step: step.id, outcome, by };
    if (!(await record(ended))) return setMessage(t('assisted.unreachable'));
    setMessage('');
    dispatch({ type: 'endStep', step: step.id, outcome, by, ...(why ? { reason: why } : {}), at: new Date() });
  };
  const last = lastEnded(state);
  /** The last ended step corrected: the journal appends it; the receipt and the hand-off take the new outcome. */
  const correct = async (correction: Correction | null) => {
    if (phase.name !== 'step' || !last) return;
    if (!correction) return setMessage(st('assisted.chooseCorrection'));
    if (!(await record({ event: 'step.corrected', step: last.step, ...correction }))) return setMessage(st('assisted.unreachable'));
    setMessage('');
    dispatch({ type: 'correct', step: last.step, correction });
  };
  const correctButton = last && (
    <Button
      className="action"
      onPress={() => {
        setMessage('');
        dispatch({ type: 'panel', panel: 'correct' });
      }}
    >
      {st('assisted.correct')}
    </Button>
  );
  /** The accompaniment stops at the step on screen, with what it was waiting for. */
  const stop = (outcome: AccompanimentOutcome) => {
    dispatch({ type: 'stop', outcome, wait: waiting?.what ?? null });
    setWaiting(null);
  };

  // While the accompaniment is open (started, not yet at its hand-off), the visit's end goes through here: the
  // hand-off with a ticket for the step on screen, so that nothing is lost silently.
  const open = accompaniment !== null && canStop(state);
  useEffect(() => {
    if (!open) return;
    setCloser((why: Closing) => {
      dispatch({ type: 'stop', outcome: why === 'idle' ? 'idle' : 'stopped', closing: why, wait: waiting?.what ?? null });
      setWaiting(null);
    });
    return () => setCloser(null);
  }, [open, waiting, setCloser, setWaiting]);
  // A wait belongs to its step: moving on (or leaving) ends it.
  useEffect(() => () => setWaiting(null), [step?.id, setWaiting]);
  const [waitChoice, setWaitChoice] = useState('');
  const startWait = async () => {
    if (phase.name !== 'step' || !step) return;
    if (!(waitKinds as readonly string[]).includes(waitChoice)) return setMessage(st('assisted.chooseWait'));
    const what = waitChoice as WaitKind;
    if (!(await record({ event: 'step.wait', step: step.id, what }))) return setMessage(t('assisted.unreachable'));
    setMessage('');
    setWaiting({ what, since: Date.now() });
    dispatch({ type: 'panel', panel: null });
  };
  // The receipt lists each ended step by its title.
  const receipt = useMemo(
    () => state.ended.map((line) => ({ ...line, step: body.steps.find((s) => s.id === line.step)?.title ?? line.step })),
    [state.ended, body],
  );

  if (phase.name === 'consent') {
    const who = { name: mediator.displayName, role: t(`assisted.roles.${mediator.role}`) };
    return (
      <section aria-labelledby="consent-heading" className="consent-card">
        <h2 id="consent-heading" className="journey-focus" tabIndex={-1} ref={focus}>
          {t('assisted.consentTitle')}
        </h2>
        {resumed && <p className="note">{t('assisted.resumed')}</p>}
        {resumed && <ResumeHistory resume={resumed} body={staffBody} />}
        <ul className="easy-read consent-list">
          <li>{t('assisted.consentWho', who)}</li>
          <li>{t('assisted.consentDoes', who)}</li>
          <li>{t('assisted.consentCodes', who)}</li>
          <li>{t('assisted.consentKeep', who)}</li>
          <li>{t('assisted.consentStop', who)}</li>
        </ul>
        <p role="alert" className="form-message">
          {message}
        </p>
        <div className="answer-row">
          <Button className="action action-primary" onPress={() => void accept()}>
            {t('assisted.accept')}
          </Button>
          <Button className="action" onPress={onRefused}>
            {t('assisted.refuse')}
          </Button>
        </div>
      </section>
    );
  }

  if (phase.name === 'readiness') {
    const question = body.readiness[phase.question];
    if (!question) {
      const start = () => dispatch({ type: 'start' });
      if (readinessBlocked(state))
        return (
          <HandOff
            journeyTitle={title}
            outcome="referred"
            receipt={receipt}
            bring={phase.bring}
            resumeAt={body.steps[visitorPath(body, phase.missing)[0] ?? 0]?.id ?? null}
            accompaniment={accompaniment}
            mediator={mediator}
            glossary={glossary}
            remaining={[]}
            onFinished={onFinished}
            need={need}
            bringIndices={bringIndices(phase.missing)}
            journey={{ id: journeyId, body }}
          />
        );
      if (phase.bring.length > 0)
        // Missing, but not needed to go on: the list stays for the hand-off, and the journey can start.
        return (
          <section aria-labelledby="bring-heading" className="note">
            <h2 id="bring-heading" className="journey-focus" tabIndex={-1} ref={focus}>
              {t('journey.bringLater')}
            </h2>
            <RichList items={phase.bring} glossary={glossary} />
            <Button className="action action-primary" onPress={start}>
              {t('journey.continueAnyway')}
            </Button>
          </section>
        );
      return (
        <Button className="action action-primary journey-focus" onPress={start} ref={focus}>
          {t('journey.start')}
        </Button>
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

  if (phase.name === 'handoff') {
    // What is left on the visitor's own path, from where a ticket resumes.
    const startIndex = phase.resumeAt ? body.steps.findIndex((s) => s.id === phase.resumeAt) : body.steps.length;
    const remaining = state.path
      .filter((index) => index >= startIndex)
      .map((index) => body.steps[index])
      .filter((s) => s !== undefined && state.outcomes[s.id] !== 'done')
      .map((s) => s?.title ?? '');
    return (
      <HandOff
        journeyTitle={title}
        outcome={phase.outcome}
        receipt={receipt}
        bring={phase.bring}
        resumeAt={phase.resumeAt}
        accompaniment={accompaniment}
        mediator={mediator}
        glossary={glossary}
        remaining={remaining}
        onFinished={onFinished}
        {...(phase.closing ? { closing: phase.closing } : {})}
        need={need}
        bringIndices={bringIndices(state.later.missing)}
        journey={{ id: journeyId, body }}
        stop={{
          reason: phase.resumeAt ? (state.reasons[phase.resumeAt] ?? null) : null,
          wait: phase.wait,
        }}
      />
    );
  }

  if (phase.name !== 'step' || !step) return null;
  // A correction needs a step ended before it; without one, the step's own buttons show.
  const panel = phase.panel === 'correct' && !last ? null : phase.panel;
  const stepTitle = (id: string) => body.steps.find((s) => s.id === id)?.title ?? id;
  return (
    <div className="assisted-layout">
      <section aria-labelledby="step-heading" className="journey-step">
        {/* The visitor's "Si ça ne marche pas" stays, secret step or not: the fixes need no look at their screen. */}
        <StepBody
          step={step}
          position={positionOnPath(state.path, phase.index)}
          glossary={glossary}
          showProblems
          focusRef={panel === null ? focus : undefined}
        />
        {canOpenBeside(step.url, officialOrigins) && beside === null && (
          <Button className="action" onPress={() => setBeside(step.url ?? null)}>
            {st('assisted.officialOpen')}
          </Button>
        )}
        {step.secret && (
          <p className="note secret-step" role="status">
            {t('assisted.secretStep')}
          </p>
        )}
        {waiting && panel === null && (
          <div className="waiting-note" role="status">
            <p className="lead">{t(`assisted.waiting.${waiting.what}`)}</p>
            <p>{t('assisted.waitingClocks')}</p>
            <WaitingFor since={waiting.since} />
            <Button className="action action-primary" onPress={() => setWaiting(null)}>
              {t('assisted.waitDone')}
            </Button>
          </div>
        )}
        {panel === 'correct' && last ? (
          <CorrectLast
            stepTitle={stepTitle(last.step)}
            message={message}
            onCancel={() => dispatch({ type: 'cancel' })}
            onConfirm={(correction) => void correct(correction)}
            focusRef={focus}
          />
        ) : panel === 'wait' ? (
          <ChoicePanel
            id="wait-heading"
            title={st('assisted.waitTitle')}
            options={waitKinds.map((id) => ({ id, label: st(`assisted.waitKinds.${id}`) }))}
            value={waitChoice}
            onChange={setWaitChoice}
            message={message}
            confirmLabel={st('assisted.waitStart')}
            onCancel={() => dispatch({ type: 'cancel' })}
            onConfirm={() => void startWait()}
            focusRef={focus}
          />
        ) : panel === 'reason' ? (
          <ChoicePanel
            id="reason-heading"
            title={st('assisted.reasonTitle')}
            options={blockedReasons.map((id) => ({ id, label: st(`assisted.reasons.${id}`) }))}
            value={reason}
            onChange={setReason}
            message={message}
            confirmLabel={st('assisted.confirmReason')}
            onCancel={() => dispatch({ type: 'cancel' })}
            focusRef={focus}
            onConfirm={() => {
              if (!(blockedReasons as readonly string[]).includes(reason)) return setMessage(st('assisted.chooseReason'));
              void endStep('blocked', 'visitor', reason as BlockedReason);
            }}
          />
        ) : panel === 'next' ? (
          <div className="blocked-reasons" {...staffLang}>
            <p className="lead journey-focus" tabIndex={-1} ref={focus}>
              {st('assisted.afterBlocked')}
            </p>
            <div className="answer-row">
              <Button className="action" onPress={() => dispatch({ type: 'next' })}>
                {st('assisted.continue')}
              </Button>
              <Button className="action action-primary" onPress={() => stop('blocked')}>
                {st('assisted.stopHere')}
              </Button>
              {correctButton}
            </div>
          </div>
        ) : (
          <>
            <p role="alert" className="form-message">
              {message}
            </p>
            <div className="answer-row step-outcomes">
              {!step.secret && (
                <Button className="action" onPress={() => void endStep('done', 'mediator')}>
                  {st('assisted.doneMediator')}
                </Button>
              )}
              <Button className="action" onPress={() => void endStep('skipped', 'visitor')}>
                {t('assisted.skip')}
              </Button>
              {!waiting && (
                <Button
                  className="action"
                  onPress={() => {
                    setWaitChoice('');
                    setMessage('');
                    dispatch({ type: 'panel', panel: 'wait' });
                  }}
                >
                  {st('assisted.wait')}
                </Button>
              )}
              <Button
                className="action"
                onPress={() => {
                  setReason('');
                  setMessage('');
                  dispatch({ type: 'panel', panel: 'reason' });
                }}
              >
                {st('assisted.blocked')}
              </Button>
              {correctButton}
              <Button className="action" onPress={() => stop('stopped')}>
                {t('assisted.stop')}
              </Button>
            </div>
          </>
        )}
        {/* Looking at the step before again records nothing: the step is recorded when it ends again. */}
        <StepActions
          step={step}
          glossary={glossary}
          onBack={onBack}
          onPrevious={previousOnPath(state.path, phase.index) !== null ? () => dispatch({ type: 'previous' }) : undefined}
          next={
            panel === null && (
              <Button className="action action-primary" onPress={() => void endStep('done', 'visitor')}>
                {t('assisted.doneVisitor')}
              </Button>
            )
          }
        />
      </section>
      <MediatorPanel step={step} staffStep={staffBody?.steps[phase.index]} glossary={glossary} />
      {beside !== null && <OfficialPane url={beside} onClose={() => setBeside(null)} />}
    </div>
  );
}

/** How long the wait has lasted, in whole minutes, brought up to date every 15 seconds. */
function WaitingFor({ since }: { since: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(tick);
  }, []);
  return <p>{t('assisted.waitingSince', { count: Math.floor((now - since) / 60_000) })}</p>;
}
