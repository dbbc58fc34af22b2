// A hard word in the text: a button that opens its short definition in a dialog (Escape closes it).
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GlossaryWord } from '../../main/api/types';
import { textLines } from '../../main/content/blocks';

export function GlossaryTerm({ shown, word }: { shown: string; word: GlossaryWord }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="glossary-term" aria-label={t('glossary.explain', { word: shown })}>
        {shown}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {word.word}
                </Heading>
                <p>{word.short}</p>
                {word.long && textLines(word.long).map((line) => <p key={line}>{line}</p>)}
                <div className="dialog-actions">
                  <Button className="action action-primary" onPress={close} autoFocus>
                    {t('glossary.close')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
