// "Confort": text size, high contrast and reduced motion, chosen by the visitor for this visit only.
import { Button, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { textSizes, type Comfort, type TextSize } from '../kit/comfort';
import { DialogClose, KioskDialog } from './KioskDialog';

export function ComfortPanel({ comfort, onChange }: { comfort: Comfort; onChange: (comfort: Comfort) => void }) {
  const { t } = useTranslation();
  const onOff = (label: string, value: boolean, set: (value: boolean) => void) => (
    <ToggleButtonGroup
      className="choice-group"
      aria-label={label}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value ? 'on' : 'off']}
      onSelectionChange={(keys) => set([...keys][0] === 'on')}
    >
      <ToggleButton id="off" className="language-option">
        {t('comfort.off')}
      </ToggleButton>
      <ToggleButton id="on" className="language-option">
        {t('comfort.on')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
  return (
    <KioskDialog trigger={<Button className="action">{t('comfort.open')}</Button>} title={t('comfort.title')}>
      {(close) => (
        <>
          <h3 id="comfort-size">{t('comfort.textSize')}</h3>
          <ToggleButtonGroup
            className="choice-group"
            aria-labelledby="comfort-size"
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[String(comfort.textSize)]}
            onSelectionChange={(keys) => onChange({ ...comfort, textSize: Number([...keys][0]) as TextSize })}
          >
            {textSizes.map((size) => (
              <ToggleButton key={size} id={String(size)} className="language-option">
                {`${size} %`}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <h3>{t('comfort.contrast')}</h3>
          {onOff(t('comfort.contrast'), comfort.highContrast, (highContrast) => onChange({ ...comfort, highContrast }))}
          <h3>{t('comfort.motion')}</h3>
          {onOff(t('comfort.motion'), comfort.reducedMotion, (reducedMotion) => onChange({ ...comfort, reducedMotion }))}
          <DialogClose close={close} />
        </>
      )}
    </KioskDialog>
  );
}
