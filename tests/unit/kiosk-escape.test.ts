// The browser-kiosk's escape rules as pure functions: which targets the supervisor closes, and the keyboard rule that
// Electron applies in before-input-event and the supervisor injects into the kiosk page (the same source, checked here).
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyInput } from '../../main/hosts/electron/policies/shortcuts';
import { keyBlockerScript } from '../../main/hosts/common/blocked-keys';
import { kioskProfilePreferences } from '../../main/hosts/launcher/chromium';
import { kioskPageTarget } from '../../main/hosts/launcher/print-page';
import { decideTarget, isAllowedTarget, isKioskUrl } from '../../main/hosts/launcher/target-rules';

/** The list, as Electron's before-input-event reports each key press. */
const escapes: [string, Partial<KeyInput> & { key: string }][] = [
  ['Ctrl+N', { key: 'n', control: true }],
  ['Ctrl+Shift+N', { key: 'N', control: true, shift: true }],
  ['Ctrl+T', { key: 't', control: true }],
  ['Ctrl+O', { key: 'o', control: true }],
  ['Ctrl+S', { key: 's', control: true }],
  ['Ctrl+U', { key: 'u', control: true }],
  ['Ctrl+H', { key: 'h', control: true }],
  ['Ctrl+J', { key: 'j', control: true }],
  ['Ctrl+Shift+O', { key: 'O', control: true, shift: true }],
  ['Ctrl+Shift+Delete', { key: 'Delete', control: true, shift: true }],
  ['Ctrl+L', { key: 'l', control: true }],
  ['Alt+Home', { key: 'Home', alt: true }],
  ['F6', { key: 'F6' }],
  ['Alt+D', { key: 'd', alt: true }],
  ['Ctrl+Shift+I', { key: 'I', control: true, shift: true }],
  ['F12', { key: 'F12' }],
  ['Ctrl+P', { key: 'p', control: true }],
  ['Ctrl+Shift+B', { key: 'B', control: true, shift: true }],
  ['Alt+F4', { key: 'F4', alt: true }],
  ['Ctrl+W', { key: 'w', control: true }],
  ['Ctrl+Shift+A', { key: 'A', control: true, shift: true }],
  ['Ctrl+Tab', { key: 'Tab', control: true }],
  ['Ctrl+D', { key: 'd', control: true }],
  ['Cmd+N', { key: 'n', meta: true }],
  ['F7 (caret browsing)', { key: 'F7' }],
  ['Alt+F (menu)', { key: 'f', alt: true }],
  ['Alt+ArrowLeft (back)', { key: 'ArrowLeft', alt: true }],
];
const typing: [string, Partial<KeyInput> & { key: string }][] = [
  ['a', { key: 'a' }],
  ['Shift+A', { key: 'A', shift: true }],
  ['Enter', { key: 'Enter' }],
  ['Tab', { key: 'Tab' }],
  ['Escape', { key: 'Escape' }],
  ['Ctrl+C', { key: 'c', control: true }],
  ['Ctrl+V', { key: 'v', control: true }],
  ['Ctrl+X', { key: 'x', control: true }],
  ['Ctrl+Z', { key: 'z', control: true }],
  ['Ctrl+A', { key: 'a', control: true }],
  ['Ctrl+Backspace', { key: 'Backspace', control: true }],
  ['Ctrl+ArrowLeft', { key: 'ArrowLeft', control: true }],
  ['AltGr+E on Windows (€)', { key: '€', control: true, alt: true }],
  ['staff gesture Ctrl+Alt+Shift+A', { key: 'A', control: true, alt: true, shift: true }],
  ['Alt+ArrowDown (opens a list box)', { key: 'ArrowDown', alt: true }],
];
const press = (mods: Partial<KeyInput> & { key: string }): KeyInput => ({
  type: 'keyDown',
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

/** Runs the injected script against a fake window and returns whether each DOM keydown was cancelled. */
function injectedRule(): (mods: Partial<KeyInput> & { key: string }) => boolean {
  let listener: ((event: unknown) => void) | null = null;
  const window = { addEventListener: (_type: string, fn: (event: unknown) => void) => (listener = fn) };
  runInNewContext(keyBlockerScript(), { window });
  return (mods) => {
    let cancelled = false;
    const k = press(mods);
    listener?.({
      type: 'keydown',
      key: k.key,
      ctrlKey: k.control,
      metaKey: k.meta,
      altKey: k.alt,
      shiftKey: k.shift,
      preventDefault: () => (cancelled = true),
    });
    return cancelled;
  };
}

describe('keyboard escapes', () => {
  const injected = injectedRule();
  it.each(escapes)('%s is swallowed in Electron and in the browser-kiosk page', (_name, mods) => {
    expect(isBlockedShortcut(press(mods))).toBe(true);
    expect(injected(mods)).toBe(true);
  });
  it.each(typing)('%s still types or edits', (_name, mods) => {
    expect(isBlockedShortcut(press(mods))).toBe(false);
    expect(injected(mods)).toBe(false);
  });
  it('looks at key presses only', () => {
    expect(isBlockedShortcut({ ...press({ key: 'F12' }), type: 'keyUp' })).toBe(false);
  });
});

describe('targets the browser-kiosk supervisor keeps', () => {
  const kioskOrigin = 'http://127.0.0.1:8741';
  const context = { kioskOrigin, kioskTargetId: 'K', allowlist: [] as string[] };
  const page = (targetId: string, url: string, openerId?: string) => ({ targetId, type: 'page', url, ...(openerId ? { openerId } : {}) });

  it('adopts the first page on the kiosk origin, and waits for it before closing anything', () => {
    expect(decideTarget(page('K', `${kioskOrigin}/`), { ...context, kioskTargetId: null })).toEqual({ action: 'adopt-kiosk' });
    expect(decideTarget(page('X', 'about:blank'), { ...context, kioskTargetId: null })).toEqual({ action: 'wait' });
  });
  it('closes every other window or tab, whatever it shows', () => {
    for (const url of ['chrome://newtab/', 'about:blank', 'file:///', 'chrome://downloads/', 'devtools://devtools/x', `${kioskOrigin}/`]) {
      expect(decideTarget(page('X', url), context), url).toEqual({ action: 'close' });
    }
    expect(decideTarget({ targetId: 'X', type: 'other', url: 'chrome://history/' }, context)).toEqual({ action: 'close' });
  });
  it('brings the kiosk page home when it leaves the kiosk origin', () => {
    expect(decideTarget(page('K', `${kioskOrigin}/aide`), context)).toEqual({ action: 'keep' });
    expect(decideTarget(page('K', 'chrome://newtab/'), context)).toEqual({ action: 'bring-home' });
    expect(decideTarget(page('K', 'file:///var/lib/passerelle-sante/'), context)).toEqual({ action: 'bring-home' });
  });
  it('knows the kiosk page by its whole origin, never by the start of its address (a kiosk on port 80)', async () => {
    const onPort80 = 'http://127.0.0.1';
    expect(isKioskUrl('http://127.0.0.1/aide', onPort80)).toBe(true);
    expect(isKioskUrl('http://127.0.0.1.example/', onPort80)).toBe(false);
    expect(isKioskUrl(`${kioskOrigin}0/`, kioskOrigin)).toBe(false);
    expect(isKioskUrl('not an address', kioskOrigin)).toBe(false);
    expect(decideTarget(page('K', 'http://127.0.0.1.example/'), { ...context, kioskOrigin: onPort80 })).toEqual({ action: 'bring-home' });
    // The page the launcher prints is the kiosk's, not a look-alike that came first.
    const targets = [page('L', 'http://127.0.0.1.example/'), page('K', 'http://127.0.0.1/')];
    const cdp = { send: <T>() => Promise.resolve({ targetInfos: targets } as T) };
    expect(await kioskPageTarget(cdp, 'http://127.0.0.1/')).toBe('K');
  });
  it('leaves the kiosk page alone while it has no address (its renderer was killed; the crash guard brings it home)', () => {
    expect(decideTarget(page('K', ''), context)).toEqual({ action: 'ignore' });
    expect(decideTarget(page('K', 'about:blank'), context)).toEqual({ action: 'bring-home' });
  });
  it('leaves the browser its own toolbars and the pages workers alone', () => {
    expect(decideTarget({ targetId: 'U', type: 'browser_ui', url: 'chrome://omnibox-popup.top-chrome/' }, context)).toEqual({
      action: 'ignore',
    });
    expect(decideTarget({ targetId: 'W', type: 'service_worker', url: `${kioskOrigin}/sw.js` }, context)).toEqual({ action: 'ignore' });
  });
  it('keeps an official site only when configured, and only when the kiosk page opened it', () => {
    const official = 'https://www.monespacesante.fr/activation';
    const allowlist = ['https://www.monespacesante.fr'];
    expect(decideTarget(page('O', official, 'K'), context)).toEqual({ action: 'close' });
    expect(decideTarget(page('O', official, 'K'), { ...context, allowlist })).toEqual({ action: 'keep' });
    expect(decideTarget(page('O', official), { ...context, allowlist })).toEqual({ action: 'close' });
    expect(decideTarget(page('O', official, 'other'), { ...context, allowlist })).toEqual({ action: 'close' });
    expect(isAllowedTarget(official, allowlist)).toBe(true);
    expect(isAllowedTarget('http://www.monespacesante.fr/', allowlist)).toBe(false);
    expect(isAllowedTarget('https://www.monespacesante.fr.evil.example/', allowlist)).toBe(false);
    expect(isAllowedTarget('https://u:p@www.monespacesante.fr/', allowlist)).toBe(false);
    expect(isAllowedTarget('not a url', allowlist)).toBe(false);
  });
});

describe('the fresh profile of each browser-kiosk launch', () => {
  it('forbids file dialogs and downloads before any page opens', () => {
    const files = kioskProfilePreferences();
    expect(JSON.parse(files['Local State'] ?? '{}')).toMatchObject({ select_file_dialogs: { allowed: false } });
    expect(JSON.parse(files['Default/Preferences'] ?? '{}')).toMatchObject({ download_restrictions: 3, translate: { enabled: false } });
    // DevTools availability 2 would also refuse the launcher's own debugging pipe (the escape guard).
    expect(files['Default/Preferences']).not.toContain('devtools');
  });
});
