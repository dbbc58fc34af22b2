// The visit's idle timer: after the site's idle time without a touch or a key, a warning; any activity restarts it.
import { useEffect, useEffectEvent } from 'react';

/** The mediator's idle time during assisted mode, before their own warning (two minutes more to answer it). */
export const mediatorIdleMs = 10 * 60_000;
/** How long a wait (an SMS, a letter, a call) keeps the clocks still before the mediator is asked if they are there. */
export const waitLimitMs = 30 * 60_000;

/** What counts as the visitor being there. Reading aloud sends this event, so a listening visitor is not cut off. */
export const activityEvents = ['pointerdown', 'keydown', 'wheel', 'input', 'passerelle:activity'] as const;

/** Tells the idle timer the visitor is there without touching the screen (a page being read aloud). */
export const signalActivity = (): void => void window.dispatchEvent(new Event('passerelle:activity'));

/** Calls onIdle once the visitor has done nothing for idleMs; paused while `paused` (the warning is showing). */
export function useIdleTimer(idleMs: number, paused: boolean, onIdle: () => void): void {
  // The latest onIdle is called; a new one does not restart the clock.
  const idle = useEffectEvent(onIdle);
  useEffect(() => {
    if (paused) return;
    let timer = setTimeout(() => idle(), idleMs);
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle(), idleMs);
    };
    for (const name of activityEvents) window.addEventListener(name, again, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, again, { capture: true });
    };
  }, [idleMs, paused]);
}
