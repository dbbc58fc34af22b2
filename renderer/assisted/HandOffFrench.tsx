// The hand-off's French copy for the next desk, printed under the visitor's own language when it is not French:
// the journey, what is left to do, what to bring and what happened, in the staff's words (the French journey of the
// pack, same step ids). A left-to-right French block inside a right-to-left Arabic page; times stay isolated.
import { useEffect, useState } from 'react';
import type { JourneyBody, MediatorRole, StepOutcome } from '../../common/api/types';
import { lineText, type RichText } from '../../common/content/inline-nodes';
import { useKiosk } from '../kit/KioskContext';
import { staffLang, staffLocale, useStaffT } from './staff-language';

/** The French journey (title and body) for a visitor who reads another language; null while it loads, or in French. */
function useFrenchJourney(journeyId: string): { readonly title: string; readonly body: JourneyBody } | null {
  const { api, locale } = useKiosk();
  const [french, setFrench] = useState<{ title: string; body: JourneyBody } | null>(null);
  useEffect(() => {
    if (locale === staffLocale) return;
    let live = true;
    void api['content.item']({ locale: staffLocale, id: journeyId }).then((item) => {
      if (live && item.ok && item.value.kind === 'journey') setFrench({ title: item.value.title, body: item.value.body as JourneyBody });
    });
    return () => {
      live = false;
    };
  }, [api, locale, journeyId]);
  return locale === staffLocale ? null : french;
}

/** One ended step of the accompaniment, as the hand-off lists it. */
export interface ReceiptLine {
  readonly step: string;
  readonly outcome: StepOutcome;
  readonly by: 'visitor' | 'mediator';
  readonly at: Date;
}

interface HandOffFrenchProps {
  readonly journeyId: string;
  /** The journey in the visitor's language: its titles and readiness lines are found there, then read in French. */
  readonly body: JourneyBody;
  readonly receipt: readonly ReceiptLine[];
  readonly remaining: readonly string[];
  readonly bring: readonly RichText[];
  readonly role: MediatorRole;
}

export function HandOffFrench({ journeyId, body, receipt, remaining, bring, role }: HandOffFrenchProps) {
  const st = useStaffT();
  const { locale } = useKiosk();
  const loaded = useFrenchJourney(journeyId);
  if (locale === staffLocale || !loaded) return null;
  const { title, body: french } = loaded;
  // The same place in the French journey: steps by title (receipt and next steps carry titles), readiness by line.
  const stepTitle = (visitor: string) => french.steps[body.steps.findIndex((s) => s.title === visitor)]?.title ?? visitor;
  const textOf = (rich: RichText) => rich.map(lineText).join(' ');
  const bringLine = (visitor: RichText) => {
    const at = body.readiness.findIndex((q) => 'bring' in q.ifNo && textOf(q.ifNo.bring) === textOf(visitor));
    const question = french.readiness[at];
    return textOf(question && 'bring' in question.ifNo ? question.ifNo.bring : visitor);
  };
  const time = (at: Date) => at.toLocaleTimeString(staffLocale, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="staff-copy handoff-french" aria-labelledby="handoff-french-heading" {...staffLang}>
      <h3 id="handoff-french-heading">{st('assisted.frenchCopy')}</h3>
      <p className="lead">{title}</p>
      {bring.length > 0 && (
        <>
          <p>{st('assisted.bringSlip')}</p>
          <ul>
            {bring.map((line) => (
              <li key={textOf(line)}>{bringLine(line)}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{st('assisted.next')}</h4>
      <p>{remaining.length > 0 ? st('assisted.nextLeft') : st('assisted.nextDone')}</p>
      {remaining.length > 0 && (
        <ol>
          {remaining.map((line) => (
            <li key={line}>{stepTitle(line)}</li>
          ))}
        </ol>
      )}
      <h4>{st('assisted.receipt')}</h4>
      <p>{st('assisted.receiptRole', { role: st(`assisted.roles.${role}`) })}</p>
      {receipt.length > 0 && (
        <ol className="receipt">
          {receipt.map((line, index) => (
            <li key={`${line.step}-${index}`}>
              <strong>{stepTitle(line.step)}</strong>
              <span className="block-line">
                {st(`assisted.outcomes.${line.outcome}`)}.{' '}
                {line.outcome !== 'blocked' && (
                  <>
                    {st('assisted.columns.by')} : {st(`assisted.by.${line.by}`)}.{' '}
                  </>
                )}
                {st('assisted.columns.time')} : <bdi dir="ltr">{time(line.at)}</bdi>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
