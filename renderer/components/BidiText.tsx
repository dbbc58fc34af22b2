// Text whose numbers and (in right-to-left lines) Latin names keep their left-to-right order.
import { Fragment } from 'react';
import { bidiRuns } from '../../common/content/bidi-runs';

/** `rtl` is the direction of the line around the text; by default, whether the text itself holds Arabic letters. */
export function BidiText({ text, rtl }: { text: string; rtl?: boolean }) {
  return (
    <>
      {bidiRuns(text, rtl).map((run, index) =>
        run.ltr ? (
          <bdi key={index} dir="ltr">
            {run.text}
          </bdi>
        ) : (
          <Fragment key={index}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}
