// A button that takes the visitor to another screen: the browser's own <button>, which a tap, a key (Enter, Space)
// and a screen reader all press, acting when the finger lifts (WCAG 2.5.2). Not react-aria's Button: its press,
// hover and focus states each render the button again between the finger's down and the click (the tiles, the
// need screen's pages and the top bar are tapped on every screen change).
import type { ReactNode } from 'react';

export function NavButton({ className, onPress, children }: { className: string; onPress: () => void; children: ReactNode }) {
  return (
    <button type="button" className={className} onClick={onPress}>
      {children}
    </button>
  );
}
