// The admin's line on the journal's integrity (the kiosk's check at start: intact, broken since row N, or no head
// noted yet) and the journal's live head to write down: the anchor `journal verify --anchor=` checks later.
import type { JournalHeadText, JournalStatus } from '../../common/api/types';
import { adminTexts as text } from './texts';

function verdictLine(status: JournalStatus): string {
  const { check } = status;
  switch (check.verdict) {
    case 'intact':
      return text.journalIntact(check.upTo);
    case 'no-anchor':
      return text.journalNoAnchor(check.upTo);
    case 'before-cut':
      return text.journalBeforeCut(check.cutRows);
    case 'broken':
      return text.journalBroken(check.since, text.journalBreaks[check.reason]);
  }
}

/** The head as people write it down: "ligne 1234 · 3f2a 91c0 7be4 d215 · signée …". */
export function JournalHead({ head }: { head: JournalHeadText }) {
  return (
    <span className="journal-head" dir="ltr">
      {text.journalHeadLine(head.rows, head.hash)}
      {head.mac && ` · ${text.journalHeadMac(head.mac)}`}
    </span>
  );
}

export function JournalIntegrity({ journal }: { journal: { head: JournalHeadText; status: JournalStatus } }) {
  const broken = journal.status.check.verdict === 'broken';
  return (
    <section aria-labelledby="journal-heading">
      <h3 id="journal-heading">{text.journalTitle}</h3>
      <p className={broken ? 'note' : undefined} role={broken ? 'alert' : undefined}>
        {verdictLine(journal.status)}
      </p>
      {broken && <p>{text.journalAdvice}</p>}
      <p>
        {text.journalHead} : <JournalHead head={journal.head} />
      </p>
    </section>
  );
}
