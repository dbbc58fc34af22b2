// Keys pressed once the app has taken over but before audio mode's code arrived (it is fetched in idle time): held,
// then handed to audio mode when it starts, so a visitor who presses the number pad's 5 at once is still heard.

let held: KeyboardEvent[] | null = null;
const hold = (event: KeyboardEvent) => void held?.push(event);

export function holdKeysForAudio(): void {
  if (held) return;
  // Audio mode's probe for tests says "off" until audio mode's own replaces it (AudioMode.tsx): it is off until then.
  Object.defineProperty(window, 'passerelleAudio', { value: { on: () => false, screenScript: () => [] }, configurable: true });
  held = [];
  window.addEventListener('keydown', hold, { capture: true });
}

/** The keys held so far, once: holding stops. */
export function takeHeldKeys(): readonly KeyboardEvent[] {
  const keys = held ?? [];
  held = null;
  window.removeEventListener('keydown', hold, { capture: true });
  return keys;
}
