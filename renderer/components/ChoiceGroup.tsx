// One choice among a few big buttons (a mediator's name, a reason): the same look as the Confort choices.
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';

interface ChoiceGroupProps {
  readonly labelledBy: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}

export function ChoiceGroup({ labelledBy, options, value, onChange }: ChoiceGroupProps) {
  return (
    <ToggleButtonGroup
      className="choice-group"
      aria-labelledby={labelledBy}
      selectionMode="single"
      selectedKeys={value ? [value] : []}
      onSelectionChange={(keys) => onChange(String([...keys][0] ?? ''))}
    >
      {options.map((option) => (
        <ToggleButton key={option.id} id={option.id} className="language-option">
          {option.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
