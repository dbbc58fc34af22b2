// The mediator corrects the last step they recorded (a mistaken tap): its new outcome, chosen from the closed list
// (done by the visitor or by the mediator, skipped, or blocked for a reason). The journal appends a correction; the
// first recording stays.
import { useState } from 'react';
import type { BlockedReason, CorrectedOutcome, StepActor } from '../../common/api/types';
import { correctedOutcomes } from '../../common/api/types';
import type { Correction } from '../journey/journey-machine';
import type { FocusTarget } from '../kit/focus-on-change';
import { ChoicePanel } from './ChoicePanel';
import { useStaffT } from './staff-language';

export type { Correction } from '../journey/journey-machine';

export function correctionOf(value: CorrectedOutcome): Correction {
  const [outcome, detail] = value.split(':') as [string, string];
  return outcome === 'blocked'
    ? { outcome: 'blocked', reason: detail as BlockedReason }
    : { outcome: outcome as 'done' | 'skipped', by: detail as StepActor };
}

interface CorrectLastProps {
  readonly stepTitle: string;
  readonly message: string;
  readonly onCancel: () => void;
  readonly onConfirm: (correction: Correction | null) => void;
  readonly focusRef?: FocusTarget | undefined;
}

export function CorrectLast({ stepTitle, message, onCancel, onConfirm, focusRef }: CorrectLastProps) {
  const t = useStaffT();
  const [choice, setChoice] = useState('');
  const label = (value: CorrectedOutcome) => {
    const c = correctionOf(value);
    return c.outcome === 'blocked'
      ? t('assisted.correctBlocked', { reason: t(`assisted.reasons.${c.reason}`) })
      : t(`assisted.correctTo.${c.outcome}-${c.by}`);
  };
  return (
    <ChoicePanel
      id="correct-heading"
      title={t('assisted.correctTitle', { step: stepTitle })}
      options={correctedOutcomes.map((id) => ({ id, label: label(id) }))}
      value={choice}
      onChange={setChoice}
      message={message}
      confirmLabel={t('assisted.correctConfirm')}
      onCancel={onCancel}
      focusRef={focusRef}
      onConfirm={() =>
        onConfirm((correctedOutcomes as readonly string[]).includes(choice) ? correctionOf(choice as CorrectedOutcome) : null)
      }
    />
  );
}
