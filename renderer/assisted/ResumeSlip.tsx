// The slip part of a hand-off that carries a ticket: the date, the site, why it stopped in plain words, what to do
// before coming back, the right number for the service (3422 Mon espace santé, 3646 Assurance Maladie), and the
// ticket. Each line in the visitor's language, with the French beside it for the next desk when it differs.
import type { BlockedReason, WaitKind } from '../../common/api/types';
import { useTranslation } from '../i18n/texts';
import { PhoneNumber } from '../components/PhoneNumber';
import { useKiosk } from '../kit/KioskContext';
import { useAssisted } from './AssistedContext';
import { staffLang, staffLocale, useStaffT } from './staff-language';
import { longDate } from '../kit/dates';

/** The service's own line: Mon espace santé's for its journeys, the Assurance Maladie's for the others. */
export function serviceOf(need: string | undefined): { readonly service: 'mes' | 'ameli'; readonly phone: string } {
  return need === 'mon-espace-sante' ? { service: 'mes', phone: '3422' } : { service: 'ameli', phone: '3646' };
}

interface ResumeSlipProps {
  readonly code: string;
  readonly expiresAt: string;
  readonly reason: BlockedReason | null;
  readonly wait: WaitKind | null;
  readonly need: string | undefined;
}

export function ResumeSlip({ code, expiresAt, reason, wait, need }: ResumeSlipProps) {
  const { t } = useTranslation();
  const st = useStaffT();
  const { locale } = useKiosk();
  const { siteName } = useAssisted();
  const { service, phone } = serviceOf(need);
  const why = wait ? `waits.${wait}` : reason ? `reasons.${reason}` : 'stopped';
  const todo = wait ? `waits.${wait}` : reason ? `reasons.${reason}` : 'stopped';
  const day = (l: string) => longDate(l, new Date());
  const until = (l: string) => longDate(l, expiresAt);
  // One line of the slip, and its French for the next desk.
  const lines: [string, string][] = [
    [t('assisted.slip.date', { date: day(locale) }), st('assisted.slip.date', { date: day(staffLocale) })],
    [t('assisted.slip.site', { site: siteName }), st('assisted.slip.site', { site: siteName })],
    [t(`assisted.slip.why.${why}` as never), st(`assisted.slip.why.${why}` as never)],
    [t(`assisted.slip.todo.${todo}` as never, { phone }), st(`assisted.slip.todo.${todo}` as never, { phone })],
    [t(`assisted.slip.call.${service}`), st(`assisted.slip.call.${service}`)],
  ];
  return (
    <div className="ticket resume-slip">
      {lines.map(([visitor, french], i) => (
        <p key={i}>
          {visitor}
          {i === 4 && (
            <>
              {' '}
              <PhoneNumber number={phone} />
            </>
          )}
          {locale !== staffLocale && (
            <span className="block-line staff-copy" {...staffLang}>
              {french}
              {i === 4 && (
                <>
                  {' '}
                  <PhoneNumber number={phone} />
                </>
              )}
            </span>
          )}
        </p>
      ))}
      <p>{t('assisted.ticket')}</p>
      <p className="ticket-code" dir="ltr">
        {code}
      </p>
      <p>
        {t('assisted.ticketUntil', { date: until(locale) })}
        {locale !== staffLocale && (
          <span className="block-line staff-copy" {...staffLang}>
            {st('assisted.ticket')} {code} · {st('assisted.ticketUntil', { date: until(staffLocale) })}
          </span>
        )}
      </p>
    </div>
  );
}
