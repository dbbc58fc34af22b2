// The mediator's side of a step: their notes and the common problems with their fixes, in a panel they open and
// close. On a secret step it says first not to look at the visitor's screen: nothing in the panel is private (the
// fixes need no look at the screen: "the SMS can take minutes; check the number"), so it stays. It reads French
// whatever the visitor's language: the notes are written once, in French, and shown from the French journey.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { GlossaryWord, JourneyStep } from '../../common/api/types';
import { RichLine, RichParagraphs } from '../components/RichLine';
import { staffLang, useStaffT } from './staff-language';

interface MediatorPanelProps {
  /** The step on the visitor's screen. */
  readonly step: JourneyStep;
  /** The same step in French (its notes and fixes), once loaded. */
  readonly staffStep: JourneyStep | undefined;
  readonly glossary: Readonly<Record<string, GlossaryWord>>;
}

export function MediatorPanel({ step: visitorStep, staffStep, glossary }: MediatorPanelProps) {
  const t = useStaffT();
  const step = staffStep ?? visitorStep;
  const [open, setOpen] = useState(true);
  return (
    <aside
      className="mediator-panel no-print"
      aria-labelledby="mediator-panel-title"
      data-state={open ? 'open' : 'closed'}
      data-secret={step.secret ? 'true' : undefined}
      {...staffLang}
    >
      <h2 id="mediator-panel-title" className="small-heading">
        {t('assisted.panel')}
      </h2>
      {step.secret && <p className="note">{t('assisted.panelSecret')}</p>}
      <Button className="action" aria-expanded={open} aria-controls="mediator-notes" onPress={() => setOpen(!open)}>
        {open ? t('assisted.panelHide') : t('assisted.panelShow')}
      </Button>
      <div id="mediator-notes" hidden={!open}>
        {step.mediatorNotes ? (
          <div className="mediator-notes">
            <RichParagraphs text={step.mediatorNotes} glossary={glossary} />
          </div>
        ) : (
          <p>{t('assisted.panelNone')}</p>
        )}
        {step.problems.length > 0 && (
          <>
            <h3>{t('assisted.panelProblems')}</h3>
            <dl className="problem-list">
              {step.problems.map((p, index) => (
                <div key={index}>
                  <dt>
                    <RichLine text={p.problem} glossary={glossary} />
                  </dt>
                  <dd>
                    <RichParagraphs text={p.fix} glossary={glossary} />
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </div>
    </aside>
  );
}
