// A hard word in the text: a button that opens its short definition in a dialog, which can be read aloud
// (like every dialog) and closed with Escape.
import { useTranslation } from '../i18n/texts';
import type { GlossaryWord } from '../../common/api/types';
import { DialogClose, KioskDialog } from './KioskDialog';
import { PlainLine } from './InlineNodes';

export function GlossaryTerm({ shown, word }: { shown: string; word: GlossaryWord }) {
  const { t } = useTranslation();
  // Not split into isolated runs: the visible text must stay equal to the name given in aria-label.
  const trigger = { className: 'glossary-term', label: shown, ariaLabel: t('glossary.explain', { word: shown }) };
  return (
    <KioskDialog trigger={trigger} title={word.word}>
      {(close) => <Definition word={word} close={close} />}
    </KioskDialog>
  );
}

function Definition({ word, close }: { word: GlossaryWord; close: () => void }) {
  return (
    <>
      {[word.short, ...(word.long ?? [])].map((line, index) => (
        <p key={index}>
          <PlainLine line={line} />
        </p>
      ))}
      <DialogClose close={close} />
    </>
  );
}
