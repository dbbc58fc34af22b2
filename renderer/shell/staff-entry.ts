// The hidden way in for staff: five taps in the top corner on the reading side within three seconds,
// or Ctrl+Alt+Shift+A on a keyboard. It only opens the passphrase screen: the passphrase is the lock.
import { useEffect } from 'react';
import { inStartCorner, staffGesture } from './staff-corner';

export function useStaffEntry(open: () => void): void {
  useEffect(() => {
    let taps: number[] = [];
    const onPointer = (event: PointerEvent) => {
      if (!inStartCorner(event.clientX, event.clientY, window.innerWidth, document.documentElement.dir === 'rtl')) {
        taps = [];
        return;
      }
      const now = event.timeStamp;
      taps = [...taps.filter((t) => now - t <= staffGesture.withinMs), now];
      if (taps.length >= staffGesture.taps) {
        taps = [];
        open();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.altKey && event.shiftKey && event.code === 'KeyA') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
}
