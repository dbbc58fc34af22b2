// Keyboard shortcuts a visitor could use to leave, reload, zoom, print or inspect the kiosk: all swallowed.

export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

const blockedAlone = new Set(['F5', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh']);
const blockedWithModifier = new Set(['r', 'p', 'n', 't', 'w', 'o', 's', 'u', 'j', 'h', 'f', 'g', 'l', 'q', '+', '-', '=', '0', 'i', 'c']);

/** True when the key press must not reach Chromium's default handling. */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  if (blockedAlone.has(input.key)) return true;
  const modifier = input.control || input.meta;
  const key = input.key.toLowerCase();
  // Copy and paste stay usable in text fields: only Ctrl+Shift+C (inspect element) is blocked.
  if (modifier && key === 'c') return input.shift;
  if (modifier && blockedWithModifier.has(key)) return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'f4' || key === 'home')) return true;
  return false;
}
