// A button that takes the visitor somewhere: another screen, or a dialog (KioskDialog's trigger). The browser's own
// <button>, which a tap, a key (Enter, Space) and a screen reader all press, acting when the finger lifts (WCAG
// 2.5.2). Not react-aria's Button: its press, hover and focus states each render the button again between the
// finger's down and the click (the tiles, the need screen's pages, the top bar and the dialogs' triggers are tapped
// on every screen change).
import type { ButtonHTMLAttributes } from 'react';

type NavButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> & {
  readonly className: string;
  readonly onPress: () => void;
};

export function NavButton({ onPress, children, ...rest }: NavButtonProps) {
  return (
    <button type="button" {...rest} onClick={onPress}>
      {children}
    </button>
  );
}
