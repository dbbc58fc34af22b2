// What the resuming mediator sees of an accompaniment a ticket continues, from any kiosk of the site: the steps
// before and how each ended, why it stopped, what the visitor was to bring or wait for. Never who the visitor is.
// In the staff's language (French), whatever the visitor reads.
import type { JourneyBody } from '../../common/api/types';
import { RichList } from '../components/RichLine';
import type { ResumePoint } from './AssistedContext';
import { staffLang, useStaffT } from './staff-language';

export function ResumeHistory({ resume, body }: { resume: ResumePoint; body: JourneyBody | null }) {
  const t = useStaffT();
  const titleOf = (id: string) => body?.steps.find((s) => s.id === id)?.title ?? id;
  const bring = resume.bring.flatMap((i) => {
    const question = body?.readiness[i];
    return question && 'bring' in question.ifNo ? [question.ifNo.bring] : [];
  });
  return (
    <section aria-labelledby="resume-history-heading" className="note resume-history no-print" {...staffLang}>
      <h3 id="resume-history-heading">{t('assisted.history.title')}</h3>
      {resume.history.length > 0 ? (
        <ol>
          {resume.history.map((h) => (
            <li key={h.step}>
              {titleOf(h.step)} : {h.outcome ? t(`assisted.outcomes.${h.outcome}`) : t('assisted.history.none')}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('assisted.history.empty')}</p>
      )}
      <p>{t('assisted.history.at', { step: titleOf(resume.step) })}</p>
      {resume.reason && <p>{t('assisted.history.reason', { reason: t(`assisted.reasons.${resume.reason}`) })}</p>}
      {resume.wait && <p>{t('assisted.history.wait', { what: t(`assisted.waitKinds.${resume.wait}`) })}</p>}
      {bring.length > 0 && (
        <>
          <p>{t('assisted.history.bring')}</p>
          <RichList items={bring} glossary={{}} />
        </>
      )}
    </section>
  );
}
