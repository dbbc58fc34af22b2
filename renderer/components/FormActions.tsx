// The end of a small form: its message (announced), a cancel button and the submit button.
import { Button } from 'react-aria-components';

interface FormActionsProps {
  readonly message: string;
  readonly cancelLabel: string;
  readonly onCancel: () => void;
  readonly submitLabel: string;
}

export function FormActions({ message, cancelLabel, onCancel, submitLabel }: FormActionsProps) {
  return (
    <>
      <p role="alert" className="form-message">
        {message}
      </p>
      <div className="dialog-actions">
        <Button className="action" onPress={onCancel}>
          {cancelLabel}
        </Button>
        <Button type="submit" className="action action-primary">
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
