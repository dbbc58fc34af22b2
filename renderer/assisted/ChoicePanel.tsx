// A choice the mediator makes about the step on screen (why it is blocked, what we are waiting for): a titled list
// of closed choices, its message, "Annuler" and a confirming button.
import { Button } from 'react-aria-components';
import { ChoiceGroup } from '../components/ChoiceGroup';
import type { FocusTarget } from '../kit/focus-on-change';
import { staffLang, useStaffT } from './staff-language';

interface ChoicePanelProps {
  readonly id: string;
  readonly title: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly message: string;
  readonly confirmLabel: string;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
  /** Given when the panel's title is where the focus goes. */
  readonly focusRef?: FocusTarget | undefined;
}

export function ChoicePanel(props: ChoicePanelProps) {
  const { id, title, options, value, onChange, message, confirmLabel, onCancel, onConfirm, focusRef } = props;
  const t = useStaffT();
  return (
    <div className="blocked-reasons" {...staffLang}>
      <h3 id={id} className="journey-focus" tabIndex={-1} ref={focusRef}>
        {title}
      </h3>
      <ChoiceGroup labelledBy={id} options={options} value={value} onChange={onChange} />
      <p role="alert" className="form-message">
        {message}
      </p>
      <div className="answer-row">
        <Button className="action" onPress={onCancel}>
          {t('assisted.cancel')}
        </Button>
        <Button className="action action-primary" onPress={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
