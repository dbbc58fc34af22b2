// Keyboard shortcuts a visitor could use to leave, reload, zoom, print or inspect the kiosk: all swallowed, by the same
// rule the browser-kiosk mode injects into its page (main/lockdown/blocked-keys.ts).
import { isBlockedKey, type KeyPress } from '../../common/blocked-keys';

export type KeyInput = KeyPress;

/** True when the key press must not reach Chromium's default handling (Electron's `before-input-event`). */
export function isBlockedShortcut(input: KeyInput): boolean {
  return isBlockedKey(input);
}
