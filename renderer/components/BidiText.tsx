// Text whose numbers and (in right-to-left lines) Latin names keep their left-to-right order, and whose French names
// are marked lang="fr" on an English or Arabic page (so they are spoken in French).
import { Fragment } from 'react';
import { useTranslation } from '../i18n/texts';
import { bidiRuns } from '../../common/content/bidi-runs';
import { frenchRuns } from '../../common/content/french-names';

function MarkFrench({ text, page }: { text: string; page: string }) {
  if (page === 'fr') return <>{text}</>;
  return (
    <>
      {frenchRuns(text).map((run, index) =>
        run.fr ? (
          <span key={index} lang="fr">
            {run.text}
          </span>
        ) : (
          <Fragment key={index}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}

/** `rtl` is the direction of the line around the text; by default, whether the text itself holds Arabic letters. */
export function BidiText({ text, rtl }: { text: string; rtl?: boolean }) {
  const { i18n } = useTranslation();
  const page = i18n.language;
  return (
    <>
      {bidiRuns(text, rtl).map((run, index) =>
        run.ltr ? (
          <bdi key={index} dir="ltr">
            <MarkFrench text={run.text} page={page} />
          </bdi>
        ) : (
          <MarkFrench key={index} text={run.text} page={page} />
        ),
      )}
    </>
  );
}
