// A step's common problems and their fixes, as the step shows them and as its help dialog does.
import type { GlossaryWord, JourneyStep } from '../../common/api/types';
import { RichLine, RichParagraphs } from '../components/RichLine';

export function StepProblems({
  problems,
  glossary,
}: {
  problems: JourneyStep['problems'];
  glossary: Readonly<Record<string, GlossaryWord>>;
}) {
  return (
    <>
      {problems.map((p, index) => (
        <div key={index}>
          <p>
            <strong>
              <RichLine text={p.problem} glossary={glossary} />
            </strong>
          </p>
          <RichParagraphs text={p.fix} glossary={glossary} />
        </div>
      ))}
    </>
  );
}
