// The keyboard rule of every kiosk host: which key presses must never reach the browser's own shortcuts (new windows,
// address bar, file dialogs, history, downloads, developer tools, printing dialogs, zoom, reload, menus).
// Electron applies it in `before-input-event`; the browser-kiosk supervisor injects it into the kiosk page.

/** A key press, as Electron's `before-input-event` describes it (DOM key names). */
export interface KeyPress {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/**
 * True when the key press must not reach the browser's default handling. Strict by design: with Ctrl (or Cmd) only
 * the editing keys of a text field pass; Alt alone passes nothing; function and browser keys never pass.
 * Self-contained (no outside names): its source is also injected into the kiosk page as is.
 */
export function isBlockedKey(press: KeyPress): boolean {
  if (press.type !== 'keyDown' && press.type !== 'keydown') return false;
  const key = press.key;
  if (/^F\d{1,2}$/.test(key) || key.startsWith('Browser') || key === 'ContextMenu') return true;
  const lower = key.length === 1 ? key.toLowerCase() : key;
  // Ctrl+Alt with a character is AltGr on Windows (@, #, € on a French keyboard): typing, not a shortcut.
  // The staff gesture Ctrl+Alt+Shift+A is one of these too.
  if (press.control && press.alt && !press.meta && key.length === 1) return false;
  if (press.control || press.meta) {
    const editing = ['a', 'v', 'x', 'z', 'y', 'Backspace', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
    if (press.alt) return true;
    if (lower === 'c' || lower === 'Delete' || lower === 'a' || lower === 'x' || lower === 'y') return press.shift;
    if (['Control', 'Meta', 'Shift', 'Alt'].includes(key)) return false;
    return !editing.includes(lower);
  }
  // Alt+Down and Alt+Up open and close a list box (react-aria); Alt+Left and Alt+Right are the browser's back and forward.
  if (press.alt) return !['Shift', 'AltGraph', 'ArrowUp', 'ArrowDown'].includes(key);
  return false;
}

/**
 * A script for the kiosk page: cancels the browser's default action for the blocked keys, before any handler of the
 * page runs. The app's own handlers still see the key (the staff gesture, Escape, arrows).
 */
export function keyBlockerScript(): string {
  return `(() => {
  if (window.__passerelleKeyBlocker) return;
  window.__passerelleKeyBlocker = true;
  const isBlockedKey = ${isBlockedKey.toString()};
  const guard = (event) => {
    const press = { type: event.type, key: event.key, control: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey };
    if (isBlockedKey(press)) event.preventDefault();
  };
  window.addEventListener('keydown', guard, true);
})();`;
}
