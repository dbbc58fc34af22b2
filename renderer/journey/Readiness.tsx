// The readiness questions before a journey, shared by the visitor's journey and the assisted one: each "no" either
// adds something to come back with, or moves the start to another step.
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import type { GlossaryWord, JourneyBody } from '../../common/api/types';
import { RichLine } from '../components/RichLine';
import type { ReadinessState } from './readiness-state';
import type { FocusTarget } from '../kit/focus-on-change';

interface ReadinessQuestionProps {
  readonly body: JourneyBody;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
  readonly state: ReadinessState;
  readonly onAnswer: (yes: boolean) => void;
  /** Given when the question's heading is where the focus goes. */
  readonly focusRef?: FocusTarget | undefined;
}

/** The current question with its big yes and no answers. */
export function ReadinessQuestion({ body, glossary, state, onAnswer, focusRef }: ReadinessQuestionProps) {
  const { t } = useTranslation();
  const question = body.readiness[state.question];
  if (!question) return null;
  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading" className="journey-focus" tabIndex={-1} ref={focusRef}>
        {t('journey.before')}
      </h2>
      <p className="lead">
        <RichLine text={question.question} glossary={glossary} />
      </p>
      <div className="answer-row">
        <Button className="action action-primary answer" onPress={() => onAnswer(true)}>
          {t('journey.yes')}
        </Button>
        <Button className="action answer" onPress={() => onAnswer(false)}>
          {t('journey.no')}
        </Button>
      </div>
    </section>
  );
}
