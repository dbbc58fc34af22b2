// "Confort": text size, high contrast and reduced motion, chosen by the visitor for this visit only.
import { useTranslation } from '../i18n/texts';
import { textSizes, type Comfort, type TextSize } from '../kit/comfort';
import { DialogClose, KioskDialog } from './KioskDialog';
import { RadioButtons } from './RadioButtons';

export function ComfortPanel({ comfort, onChange }: { comfort: Comfort; onChange: (comfort: Comfort) => void }) {
  const { t } = useTranslation();
  const onOff = (label: string, value: boolean, set: (value: boolean) => void) => (
    <RadioButtons
      className="choice-group"
      label={label}
      value={value ? 'on' : 'off'}
      onChange={(choice) => set(choice === 'on')}
      options={[
        { value: 'off', label: t('comfort.off') },
        { value: 'on', label: t('comfort.on') },
      ]}
    />
  );
  return (
    <KioskDialog trigger={{ className: 'action', label: t('comfort.open') }} title={t('comfort.title')}>
      {(close) => (
        <>
          <h3 id="comfort-size">{t('comfort.textSize')}</h3>
          <RadioButtons
            className="choice-group"
            labelledBy="comfort-size"
            value={String(comfort.textSize)}
            onChange={(size) => onChange({ ...comfort, textSize: Number(size) as TextSize })}
            options={textSizes.map((size) => ({ value: String(size), label: `${size} %` }))}
          />
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
