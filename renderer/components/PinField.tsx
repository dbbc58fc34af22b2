// A PIN of 6 to 8 digits: a password field that keeps digits only, with the on-screen digits keyboard.
import { useRef, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import type { Locale } from '../../common/api/types';
import { OnScreenKeyboard } from './OnScreenKeyboard';

const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, 8);

/** A complete PIN: 6 to 8 digits (the host checks the same). */
export const isPin = (value: string): boolean => /^\d{6,8}$/.test(value);

interface PinFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly locale: Locale;
  readonly autoFocus?: boolean;
  /** Where a form has several fields, it keeps one keyboard open at a time. */
  readonly keyboardOpen?: boolean;
  readonly onKeyboardOpenChange?: (open: boolean) => void;
}

export function PinField({ label, value, onChange, locale, autoFocus, keyboardOpen, onKeyboardOpenChange }: PinFieldProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = keyboardOpen ?? ownOpen;
  const setOpen = onKeyboardOpenChange ?? setOwnOpen;
  const field = useRef<HTMLInputElement>(null);
  const change = (typed: string) => onChange(digitsOnly(typed));
  return (
    <>
      <TextField className="text-field" type="password" value={value} onChange={change} autoComplete="off" autoFocus={autoFocus}>
        <Label className="field-label">{label}</Label>
        <Input className="text-input" ref={field} inputMode="numeric" maxLength={8} />
      </TextField>
      <OnScreenKeyboard
        field={field}
        value={value}
        onChange={change}
        locale={locale}
        inputMode="numeric"
        maxLength={8}
        open={open}
        onOpenChange={setOpen}
      />
    </>
  );
}
