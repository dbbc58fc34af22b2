// The audio mode's keys. The entry key is the number pad's 5: it carries a raised dot on every keypad (the same key
// cash machines and ticket machines use), so it is found by touch from the keypad's corner, and it does nothing else
// on a screen with no field. Keys are read by their place (KeyboardEvent.code), so they work with Num Lock on or off.

export type AudioCommand =
  'start' | 'repeat' | 'pause' | 'louder' | 'softer' | 'faster' | 'slower' | 'readAll' | 'previous' | 'next' | 'headset' | 'speaker';

export interface PressedKey {
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

export interface AudioKeyContext {
  /** Audio mode is on. */
  readonly on: boolean;
  /** The focus is in a text field: keys type there (Tab leaves the field). */
  readonly inField: boolean;
  /** A private part waits for the visitor's choice of headphones (1) or speaker (3). */
  readonly askingPrivate: boolean;
  /** The kiosk has a headphone socket: 1 confirms headphones (without one, only 3, the speaker, is offered). */
  readonly headsetJack: boolean;
  /** The page is right-to-left: the left arrow goes forward. */
  readonly rtl: boolean;
}

export const entryKeyCode = 'Numpad5';

const onKeys: Readonly<Record<string, AudioCommand>> = {
  Numpad5: 'repeat',
  Numpad0: 'pause',
  NumpadAdd: 'louder',
  NumpadSubtract: 'softer',
  NumpadMultiply: 'faster',
  NumpadDivide: 'slower',
  NumpadDecimal: 'readAll',
  ArrowUp: 'previous',
  Numpad8: 'previous',
  ArrowDown: 'next',
  Numpad2: 'next',
};

/** What a key press asks of audio mode, or null when it is not an audio key here (the page handles it as usual). */
export function audioCommand(key: PressedKey, context: AudioKeyContext): AudioCommand | null {
  if (key.ctrlKey || key.altKey || key.metaKey || context.inField) return null;
  if (!context.on) return key.code === entryKeyCode ? 'start' : null;
  if (context.askingPrivate && context.headsetJack && (key.code === 'Numpad1' || key.code === 'Digit1')) return 'headset';
  if (context.askingPrivate && (key.code === 'Numpad3' || key.code === 'Digit3')) return 'speaker';
  const forward = context.rtl ? ['ArrowLeft', 'Numpad4'] : ['ArrowRight', 'Numpad6'];
  const back = context.rtl ? ['ArrowRight', 'Numpad6'] : ['ArrowLeft', 'Numpad4'];
  if (forward.includes(key.code)) return 'next';
  if (back.includes(key.code)) return 'previous';
  return onKeys[key.code] ?? null;
}
