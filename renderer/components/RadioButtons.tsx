// One choice among a few, as a row of big buttons (a language, a text size, yes or no), written without a widget
// library: it is on every screen, and the first screen carries nothing it does not need.
// A screen reader hears a radio group; the row is one tab stop (the chosen button, or the one last moved to); the
// arrow keys move along the row in its reading direction (right to left in Arabic), Home and End go to its ends;
// Enter, Space or a tap chooses. Moving does not choose: a language or a text size changes the whole screen.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface RadioButtonsProps<T extends string> {
  readonly options: readonly { readonly value: T; readonly label: ReactNode }[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly className?: string;
  readonly label?: string;
  readonly labelledBy?: string;
  /** The class of each button (`language-option`: the big choice button). */
  readonly optionClassName?: string;
}

/** The key's step along a row read in `direction`: +1 forward, -1 back, 'first' or 'last', or null for other keys. */
export function rowStep(key: string, direction: 'ltr' | 'rtl'): 1 | -1 | 'first' | 'last' | null {
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward || key === 'ArrowDown') return 1;
  if (key === back || key === 'ArrowUp') return -1;
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return null;
}

export function RadioButtons<T extends string>({
  options,
  value,
  onChange,
  className,
  label,
  labelledBy,
  optionClassName = 'language-option',
}: RadioButtonsProps<T>) {
  const row = useRef<HTMLDivElement>(null);
  // The tab stop: the button last moved to, while the focus is in the row; the chosen one otherwise.
  const [moved, setMoved] = useState<T | null>(null);
  const stop = moved !== null && options.some((option) => option.value === moved) ? moved : value;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(row.current?.querySelectorAll<HTMLButtonElement>(':scope > [role="radio"]') ?? [])];
    const at = buttons.findIndex((button) => button === document.activeElement);
    const step = rowStep(event.key, getComputedStyle(event.currentTarget).direction === 'rtl' ? 'rtl' : 'ltr');
    if (at < 0 || step === null || buttons.length === 0) return;
    event.preventDefault();
    const next = step === 'first' ? 0 : step === 'last' ? buttons.length - 1 : (at + step + buttons.length) % buttons.length;
    const option = options[next];
    if (!option) return;
    setMoved(option.value);
    buttons[next]?.focus();
  };

  return (
    <div
      ref={row}
      role="radiogroup"
      className={className}
      aria-label={label}
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setMoved(null);
      }}
    >
      {options.map((option) => {
        const chosen = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={chosen}
            data-selected={chosen || undefined}
            className={optionClassName}
            tabIndex={option.value === stop ? 0 : -1}
            onFocus={() => setMoved(option.value)}
            onClick={() => {
              if (!chosen) onChange(option.value);
            }}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
