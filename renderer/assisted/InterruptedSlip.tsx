// After a crash cut an accompaniment, the page that comes back shows its ticket once, as a slip to print or to
// photograph: the accompaniment was closed with a ticket, never silently. Only the code and the journey, no one's name.
// A visitor who reads another language gets each line with the French beside it, for the next desk.
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import { useKiosk } from '../kit/KioskContext';
import { printPage } from '../kit/print';
import { assuranceMaladiePhone, PhoneNumber } from '../components/PhoneNumber';
import { useAssisted } from './AssistedContext';
import { staffLang, staffLocale, useStaffT } from './staff-language';
import { longDate } from '../kit/dates';

type Ticket = { readonly code: string; readonly expiresAt: string; readonly journey: string };

export function InterruptedSlip() {
  const { t } = useTranslation();
  const st = useStaffT();
  const { api, locale, capabilities } = useKiosk();
  const { printing } = useAssisted();
  const [tickets, setTickets] = useState<readonly Ticket[]>([]);
  const [titles, setTitles] = useState<Readonly<Record<string, string>>>({});
  const [frenchTitles, setFrenchTitles] = useState<Readonly<Record<string, string>>>({});
  useEffect(() => {
    void api['assisted.interrupted']({}).then((answer) => {
      if (answer.ok && answer.value.tickets.length > 0) setTickets(answer.value.tickets);
    });
  }, [api]);
  // The journeys' titles, in the visitor's language (again if they change it).
  useEffect(() => {
    if (tickets.length === 0) return;
    let live = true;
    void (async () => {
      const named: Record<string, string> = {};
      const french: Record<string, string> = {};
      for (const { journey } of tickets) {
        const item = await api['content.item']({ locale, id: journey });
        if (item.ok) named[journey] = item.value.title;
        const staff = locale === staffLocale ? item : await api['content.item']({ locale: staffLocale, id: journey });
        if (staff.ok) french[journey] = staff.value.title;
      }
      if (!live) return;
      setTitles(named);
      setFrenchTitles(french);
    })();
    return () => {
      live = false;
    };
  }, [api, locale, tickets]);
  if (tickets.length === 0) return null;
  return (
    <section className="handoff print-card interrupted-slip" aria-labelledby="interrupted-heading">
      <h2 id="interrupted-heading">{t('assisted.interruptedTitle')}</h2>
      <p>{t('assisted.interruptedText')}</p>
      {tickets.map((ticket) => (
        <div className="ticket" key={ticket.code}>
          <p className="lead">{titles[ticket.journey] ?? ''}</p>
          <p>{t('assisted.ticket')}</p>
          <p className="ticket-code" dir="ltr">
            {ticket.code}
          </p>
          <p>{t('assisted.ticketUntil', { date: longDate(locale, ticket.expiresAt) })}</p>
          <p>{t('assisted.keepSlip')}</p>
          {locale !== staffLocale && (
            <p className="staff-copy" {...staffLang}>
              {frenchTitles[ticket.journey] ?? ''}
              <span className="block-line">
                {st('assisted.ticket')} <bdi dir="ltr">{ticket.code}</bdi>
              </span>
              <span className="block-line">{st('assisted.ticketUntil', { date: longDate(staffLocale, ticket.expiresAt) })}</span>
            </p>
          )}
        </div>
      ))}
      <p>
        {t('assisted.helpPhone')} <PhoneNumber number={assuranceMaladiePhone} />
      </p>
      <div className="answer-row no-print">
        {printing && (
          <Button className="action" onPress={() => void printPage(api, capabilities)}>
            {t('assisted.print')}
          </Button>
        )}
        <Button className="action action-primary" onPress={() => setTickets([])}>
          {t('assisted.interruptedClose')}
        </Button>
      </div>
    </section>
  );
}
