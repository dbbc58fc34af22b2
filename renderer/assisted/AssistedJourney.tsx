// A journey with a mediator beside the visitor: the consent card, the readiness questions, one step at a time with
// the mediator's panel, each step ended as done, skipped or blocked with a reason, a wait (an SMS, a letter) that
// stops the clocks, then the hand-off; and if the visit has to end mid-way, the hand-off with a ticket all the same.
// Every event goes to the journal through the API; what the visitor types never does.
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AccompanimentOutcome, BlockedReason, GlossaryWord, JourneyBody, StepOutcome, WaitKind } from '../../common/api/types';
import { blockedReasons, waitKinds } from '../../common/api/types';
import { useKiosk } from '../kit/KioskContext';
import { RichList } from '../components/RichLine';
import { StepBody } from '../journey/JourneyView';
import { ReadinessQuestion } from '../journey/Readiness';
import { missingFor, nextOnPath, readinessStart, visitorPath, type ReadinessState } from '../journey/readiness-state';
import { positionOnPath } from '../journey/step-position';
import { useAssisted, type Closing, type UnlockedMediator } from './AssistedContext';
import { ChoicePanel } from './ChoicePanel';
import { CorrectLast, type Correction } from './CorrectLast';
import { ResumeHistory } from './ResumeHistory';
import { useStaffJourney } from './staff-journey';
import { staffLang, useStaffT } from './staff-language';
import { HandOff, type ReceiptLine } from './HandOff';
import { MediatorPanel } from './MediatorPanel';
import { canOpenBeside, OfficialPane } from '../components/OfficialPane';
import { StepActions } from '../journey/StepActions';

type Phase =
  | { readonly name: 'consent' }
  | ({ readonly name: 'readiness' } & ReadinessState)
  | { readonly name: 'step'; readonly index: number; readonly blocking: 'reason' | 'next' | 'wait' | 'correct' | null }
  | {
      readonly name: 'handoff';
      readonly outcome: AccompanimentOutcome;
      readonly resumeAt: string | null;
      readonly bring: readonly string[];
      /** Set when the visit had to end mid-way: the hand-off closes the accompaniment by itself. */
      readonly closing?: Closing;
    };

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
  const { api } = useKiosk();
  const { lock, resume, setResume, officialOrigins, waiting, setWaiting, setCloser } = useAssisted();
  // The official site shown beside the steps (Electron with an allowlist), until closed or the journey ends.
  const [beside, setBeside] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'consent' });
  const [accompaniment, setAccompaniment] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<readonly ReceiptLine[]>([]);
  // The visitor's own path through the steps (readiness answers insert helper steps or choose the other path), and
  // what they said they will bring later while the journey goes on ("continue anyway").
  const path = useRef<readonly number[]>(visitorPath(body, []));
  const bringLater = useRef<readonly string[]>([]);
  // How each step ended, read when the journey ends (state updates are not visible in the same tap).
  const outcomes = useRef(new Map<string, StepOutcome>());
  // The last step recorded as ended: the one the mediator may correct.
  const [last, setLast] = useState<{ readonly id: string; readonly title: string } | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  // A ticket brings the visitor back to its step; it is used once, by this journey.
  const resumeStep = useRef(resume?.journey === journeyId ? resume.step : null);
  const resumeFrom = useRef(resume?.journey === journeyId ? resume.from : undefined);
  const resumed = useRef(resume?.journey === journeyId ? resume : null);
  // The French journey, for what the mediator reads (the history of a resumed accompaniment).
  const staffBody = useStaffJourney(journeyId, body);
  // Why each blocked step is blocked, and the wait on when the journey stopped: the slip says it in plain words.
  const reasons = useRef(new Map<string, BlockedReason>());
  const stopWait = useRef<WaitKind | null>(null);
  const bringIndices = (missing: readonly string[]) =>
    body.readiness.flatMap((q, i) => ('bring' in q.if_no && missing.includes(q.id) ? [i] : []));
  const bringLaterIndices = useRef<readonly number[]>([]);
  useEffect(() => setResume(null), [setResume]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The newest part of the screen takes the focus: the step's heading, or the question that appeared under it.
    const targets = document.querySelectorAll<HTMLElement>('.journey-focus');
    targets[targets.length - 1]?.focus();
  }, [phase.name, phase.name === 'step' ? `${phase.index}-${phase.blocking}` : '', phase.name === 'readiness' ? phase.question : 0]);

  /** Calls the API; a refused session (the mediator's idle time) closes assisted mode. */
  const record = async (event: RecordEvent, id = accompaniment) => {
    if (!id) return false;
    const answer = await api['assisted.record']({ ...event, token: mediator.token, accompaniment: id });
    if (!answer.ok && answer.error === 'mediator.locked') lock();
    return answer.ok;
  };

  const step = phase.name === 'step' ? body.steps[phase.index] : undefined;
  // A secret step is journaled once, when it shows: only that it took place (keyed on the step, not on `record`).
  useEffect(() => {
    if (step?.secret) void record({ event: 'step.secret', step: step.id });
  }, [step?.id]);

  const accept = async () => {
    const started = await api['assisted.start']({
      token: mediator.token,
      journey: journeyId,
      ...(resumeFrom.current ? { resumes: resumeFrom.current } : {}),
    });
    if (!started.ok) {
      if (started.error === 'mediator.locked') lock();
      return setMessage(t('assisted.unreachable'));
    }
    setAccompaniment(started.value.accompaniment);
    await record({ event: 'consent.given' }, started.value.accompaniment);
    const at = resumeStep.current ? body.steps.findIndex((s) => s.id === resumeStep.current) : -1;
    if (at >= 0) {
      path.current = visitorPath(body, missingFor(body, resumeStep.current as string));
      return setPhase({ name: 'step', index: at, blocking: null });
    }
    setPhase(
      body.readiness.length > 0 ? { name: 'readiness', ...readinessStart } : { name: 'step', index: path.current[0] ?? 0, blocking: null },
    );
  };

  const endStep = async (outcome: StepOutcome, by: 'visitor' | 'mediator', why?: BlockedReason) => {
    if (phase.name !== 'step' || !step) return;
    // A blocked step has its reason and nobody who did it; a done or skipped step has who did it.
    const ended: RecordEvent =
      outcome === 'blocked'
        ? { event: 'step', step: step.id, outcome, reason: why ?? 'other' }
        : { event: 'step', step: step.id, outcome, by };
    const ok = await record(ended);
    if (!ok) return setMessage(t('assisted.unreachable'));
    setMessage('');
    outcomes.current.set(step.id, outcome);
    if (outcome === 'blocked') reasons.current.set(step.id, why ?? 'other');
    setLast({ id: step.id, title: step.title });
    setReceipt((lines) => [...lines, { step: step.title, outcome, by, at: new Date() }]);
    if (outcome === 'blocked') return setPhase({ ...phase, blocking: 'next' });
    goNext(phase.index);
  };
  /** The last ended step corrected: the journal appends it; the receipt and the hand-off take the new outcome. */
  const correct = async (correction: Correction | null) => {
    if (phase.name !== 'step' || !last) return;
    if (!correction) return setMessage(st('assisted.chooseCorrection'));
    if (!(await record({ event: 'step.corrected', step: last.id, ...correction }))) return setMessage(st('assisted.unreachable'));
    setMessage('');
    outcomes.current.set(last.id, correction.outcome);
    if (correction.outcome === 'blocked') reasons.current.set(last.id, correction.reason);
    else reasons.current.delete(last.id);
    const by = correction.outcome === 'blocked' ? 'visitor' : correction.by;
    setReceipt((lines) => lines.map((line, i) => (i === lines.length - 1 ? { ...line, outcome: correction.outcome, by } : line)));
    // Corrected while still on the step that was blocked: it is no longer blocked, the journey goes on.
    if (body.steps[phase.index]?.id === last.id && correction.outcome !== 'blocked') return goNext(phase.index);
    if (body.steps[phase.index]?.id === last.id) return setPhase({ ...phase, blocking: 'next' });
    setPhase({ ...phase, blocking: null });
  };
  const correctButton = last && (
    <Button
      className="action"
      onPress={() => {
        setMessage('');
        setPhase({ ...phase, blocking: 'correct' } as Phase);
      }}
    >
      {st('assisted.correct')}
    </Button>
  );
  const goNext = (index: number) => {
    const next = nextOnPath(path.current, index);
    if (next === null) {
      // The end of the journey: a step still blocked is where a ticket will pick it up again.
      const stuck = body.steps.find((s) => outcomes.current.get(s.id) === 'blocked');
      return setPhase({ name: 'handoff', outcome: stuck ? 'blocked' : 'done', resumeAt: stuck?.id ?? null, bring: bringLater.current });
    }
    setPhase({ name: 'step', index: next, blocking: null });
  };
  const stopAt = (index: number, outcome: AccompanimentOutcome, closing?: Closing) => {
    stopWait.current = waiting?.what ?? null;
    setWaiting(null);
    setPhase({
      name: 'handoff',
      outcome,
      resumeAt: body.steps[index]?.id ?? null,
      bring: bringLater.current,
      ...(closing ? { closing } : {}),
    });
  };

  // While the accompaniment is open (started, not yet at its hand-off), the visit's end goes through here: the
  // hand-off with a ticket for the step on screen, so that nothing is lost silently.
  const readinessStartAt = phase.name === 'readiness' ? (visitorPath(body, phase.missing)[0] ?? 0) : null;
  const openAt = !accompaniment ? null : phase.name === 'step' ? phase.index : readinessStartAt;
  useEffect(() => {
    if (openAt === null) return;
    setCloser((why) => stopAt(openAt, why === 'idle' ? 'idle' : 'stopped', why));
    return () => setCloser(null);
  }, [openAt, setCloser]);
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
    setPhase({ ...phase, blocking: null });
  };

  if (phase.name === 'consent') {
    const who = { name: mediator.displayName, role: t(`assisted.roles.${mediator.role}`) };
    return (
      <section aria-labelledby="consent-heading" className="consent-card">
        <h2 id="consent-heading" className="journey-focus" tabIndex={-1}>
          {t('assisted.consentTitle')}
        </h2>
        {resumeStep.current && <p className="note">{t('assisted.resumed')}</p>}
        {resumed.current && <ResumeHistory resume={resumed.current} body={staffBody} />}
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
      const start = () => {
        path.current = visitorPath(body, phase.missing);
        bringLater.current = phase.bring;
        bringLaterIndices.current = bringIndices(phase.missing);
        setPhase({ name: 'step', index: path.current[0] ?? 0, blocking: null });
      };
      if (phase.bring.length > 0 && phase.blocked)
        return (
          <HandOff
            journeyTitle={title}
            outcome="referred"
            receipt={receipt}
            bring={phase.bring}
            resumeAt={body.steps[readinessStartAt ?? 0]?.id ?? null}
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
            <h2 id="bring-heading" className="journey-focus" tabIndex={-1}>
              {t('journey.bringLater')}
            </h2>
            <RichList items={phase.bring} glossary={glossary} />
            <Button className="action action-primary" onPress={start}>
              {t('journey.continueAnyway')}
            </Button>
          </section>
        );
      return (
        <Button className="action action-primary journey-focus" onPress={start}>
          {t('journey.start')}
        </Button>
      );
    }
    return (
      <ReadinessQuestion body={body} glossary={glossary} state={phase} onAnswer={(next) => setPhase({ name: 'readiness', ...next })} />
    );
  }

  if (phase.name === 'handoff') {
    // What is left on the visitor's own path, from where a ticket resumes.
    const startIndex = phase.resumeAt ? body.steps.findIndex((s) => s.id === phase.resumeAt) : body.steps.length;
    const remaining = path.current
      .filter((index) => index >= startIndex)
      .map((index) => body.steps[index])
      .filter((s) => s !== undefined && outcomes.current.get(s.id) !== 'done')
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
        bringIndices={bringLaterIndices.current}
        journey={{ id: journeyId, body }}
        stop={{
          reason: phase.resumeAt ? (reasons.current.get(phase.resumeAt) ?? null) : null,
          wait: stopWait.current,
        }}
      />
    );
  }

  if (!step) return null;
  return (
    <div className="assisted-layout">
      <section aria-labelledby="step-heading" className="journey-step">
        {/* The visitor's "Si ça ne marche pas" stays, secret step or not: the fixes need no look at their screen. */}
        <StepBody step={step} position={positionOnPath(path.current, phase.index)} glossary={glossary} showProblems />
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
        {waiting && phase.blocking === null && (
          <div className="waiting-note" role="status">
            <p className="lead">{t(`assisted.waiting.${waiting.what}`)}</p>
            <p>{t('assisted.waitingClocks')}</p>
            <WaitingFor since={waiting.since} />
            <Button className="action action-primary" onPress={() => setWaiting(null)}>
              {t('assisted.waitDone')}
            </Button>
          </div>
        )}
        {phase.blocking === 'correct' && last ? (
          <CorrectLast
            stepTitle={last.title}
            message={message}
            onCancel={() => setPhase({ ...phase, blocking: outcomes.current.get(step.id) === 'blocked' ? 'next' : null })}
            onConfirm={(correction) => void correct(correction)}
          />
        ) : phase.blocking === 'wait' ? (
          <ChoicePanel
            id="wait-heading"
            title={st('assisted.waitTitle')}
            options={waitKinds.map((id) => ({ id, label: st(`assisted.waitKinds.${id}`) }))}
            value={waitChoice}
            onChange={setWaitChoice}
            message={message}
            confirmLabel={st('assisted.waitStart')}
            onCancel={() => setPhase({ ...phase, blocking: null })}
            onConfirm={() => void startWait()}
          />
        ) : phase.blocking === 'reason' ? (
          <ChoicePanel
            id="reason-heading"
            title={st('assisted.reasonTitle')}
            options={blockedReasons.map((id) => ({ id, label: st(`assisted.reasons.${id}`) }))}
            value={reason}
            onChange={setReason}
            message={message}
            confirmLabel={st('assisted.confirmReason')}
            onCancel={() => setPhase({ ...phase, blocking: null })}
            onConfirm={() => {
              if (!(blockedReasons as readonly string[]).includes(reason)) return setMessage(st('assisted.chooseReason'));
              void endStep('blocked', 'visitor', reason as BlockedReason);
            }}
          />
        ) : phase.blocking === 'next' ? (
          <div className="blocked-reasons" {...staffLang}>
            <p className="lead journey-focus" tabIndex={-1}>
              {st('assisted.afterBlocked')}
            </p>
            <div className="answer-row">
              <Button className="action" onPress={() => goNext(phase.index)}>
                {st('assisted.continue')}
              </Button>
              <Button className="action action-primary" onPress={() => stopAt(phase.index, 'blocked')}>
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
                    setPhase({ ...phase, blocking: 'wait' });
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
                  setPhase({ ...phase, blocking: 'reason' });
                }}
              >
                {st('assisted.blocked')}
              </Button>
              {correctButton}
              <Button className="action" onPress={() => stopAt(phase.index, 'stopped')}>
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
          onPrevious={phase.index > 0 ? () => setPhase({ name: 'step', index: phase.index - 1, blocking: null }) : undefined}
          next={
            phase.blocking === null && (
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
