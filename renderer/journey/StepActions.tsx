// The bar under a journey's step, alone or with a mediator: back to where the journey was opened from, the previous
// step, the way on, and help for this step. On a tall screen it stays at the bottom edge, in reach at any text size.
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import type { GlossaryWord, JourneyStep } from '../../common/api/types';
import { DialogClose, KioskDialog } from '../components/KioskDialog';
import { StepProblems } from './StepProblems';

interface StepActionsProps {
  readonly step: JourneyStep;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
  readonly onBack: () => void;
  /** Absent on the first step. */
  readonly onPrevious?: (() => void) | undefined;
  /** The way on: "next step" alone, "done, by me" with a mediator; absent while a question is open. */
  readonly next?: ReactNode;
}

export function StepActions({ step, glossary, onBack, onPrevious, next }: StepActionsProps) {
  const { t } = useTranslation();
  return (
    <nav className="step-actions no-print" aria-label={t('journey.actionsLabel')}>
      <Button className="action" onPress={onBack}>
        {t('nav.back')}
      </Button>
      {onPrevious && (
        <Button className="action" onPress={onPrevious}>
          {t('journey.previous')}
        </Button>
      )}
      {next}
      <KioskDialog trigger={{ className: 'action', label: t('journey.stepHelp') }} title={t('journey.stepHelp')}>
        {(close) => (
          <>
            {step.problems.length === 0 && <p>{t('journey.stepHelpNone')}</p>}
            <StepProblems problems={step.problems} glossary={glossary} />
            <DialogClose close={close} />
          </>
        )}
      </KioskDialog>
    </nav>
  );
}
