// A hard word in the text: a button that opens its short definition in a dialog, which can be read aloud
// (the sentence being read is highlighted) and closed with Escape.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GlossaryWord } from '../../main/api/types';
import { textLines } from '../../main/content/blocks';
import { KioskDialog } from './KioskDialog';
import { ReadAloud } from './ReadAloud';

export function GlossaryTerm({ shown, word }: { shown: string; word: GlossaryWord }) {
  const { t, i18n } = useTranslation();
  const trigger = (
    <Button className="glossary-term" aria-label={t('glossary.explain', { word: shown })}>
      {shown}
    </Button>
  );
  return (
    <KioskDialog trigger={trigger} title={word.word}>
      {(close) => <Definition word={word} lang={i18n.language} close={close} closeLabel={t('glossary.close')} />}
    </KioskDialog>
  );
}

function Definition({ word, lang, close, closeLabel }: { word: GlossaryWord; lang: string; close: () => void; closeLabel: string }) {
  const [reading, setReading] = useState<number | null>(null);
  const sentences = [word.word, word.short, ...(word.long ? textLines(word.long) : [])];
  return (
    <>
      {sentences.slice(1).map((line, index) => (
        <p key={line} className={reading === index + 1 ? 'reading' : undefined}>
          {line}
        </p>
      ))}
      <ReadAloud lang={lang} sentences={sentences} onSentence={setReading} />
      <div className="dialog-actions">
        <Button className="action action-primary" onPress={close} autoFocus>
          {closeLabel}
        </Button>
      </div>
    </>
  );
}
