import { wipeVisitorPartition } from '../../main/hosts/electron/policies/wipe';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../main/hosts/electron/policies/app-protocol';
import { isTrustedSender } from '../../main/hosts/electron/policies/ipc-sender';
import { appHomeUrl, isAppUrl, windowOpenDecision } from '../../main/hosts/electron/policies/navigation';
import { isPaneNavigationAllowed, isWindowNavigationAllowed } from '../../main/hosts/electron/policies/official-pane';
import { shouldGrantDevice, shouldGrantPermission } from '../../main/hosts/electron/policies/permissions';
import { isBlockedShortcut, type KeyInput } from '../../main/hosts/electron/policies/shortcuts';
import { kioskWindowOptions, recoveryAction } from '../../main/hosts/electron/policies/window';
import { contentSecurityPolicy } from '../../main/hosts/common/csp';

const allow = ['https://www.monespacesante.fr'];

describe('navigation policy', () => {
  it('allows the app own pages in the kiosk window, and no outside site, even an allowlisted one', () => {
    expect(isWindowNavigationAllowed(appHomeUrl)).toBe(true);
    expect(isWindowNavigationAllowed('app://kiosk/assets/index.js')).toBe(true);
    expect(isWindowNavigationAllowed('https://www.monespacesante.fr/activation')).toBe(false);
  });

  it('allows an allowlisted official origin over HTTPS only, in the official pane', () => {
    expect(isPaneNavigationAllowed('https://www.monespacesante.fr/activation', allow)).toBe(true);
    expect(isPaneNavigationAllowed('http://www.monespacesante.fr/activation', allow)).toBe(false);
    expect(isPaneNavigationAllowed('https://www.monespacesante.fr.evil.example/', allow)).toBe(false);
    expect(isPaneNavigationAllowed('https://user:pw@www.monespacesante.fr/', allow)).toBe(false);
  });

  it('refuses every other address', () => {
    for (const url of [
      'https://example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://other/index.html',
      'data:text/html,hi',
      'not a url',
      'chrome://settings',
    ]) {
      expect(isWindowNavigationAllowed(url), url).toBe(false);
      expect(isPaneNavigationAllowed(url, allow), url).toBe(false);
    }
    expect(isAppUrl('app://kiosk.evil/index.html')).toBe(false);
  });

  it('never opens a new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('refuses every permission and device, even for the app itself', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
      'hid',
      'serial',
      'usb',
      'openExternal',
    ]) {
      expect(shouldGrantPermission(permission, appHomeUrl)).toBe(false);
    }
    expect(shouldGrantDevice('usb')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const own = { webContentsId: 7, frameUrl: appHomeUrl, isMainFrame: true };
  it('serves the app window top frame', () => {
    expect(isTrustedSender(own, 7)).toBe(true);
  });
  it('refuses other windows, sub-frames, foreign pages and unknown frames', () => {
    expect(isTrustedSender({ ...own, webContentsId: 8 }, 7)).toBe(false);
    expect(isTrustedSender({ ...own, isMainFrame: false }, 7)).toBe(false);
    expect(isTrustedSender({ ...own, frameUrl: 'https://www.monespacesante.fr/' }, 7)).toBe(false);
    expect(isTrustedSender({ ...own, frameUrl: null }, 7)).toBe(false);
    expect(isTrustedSender(own, null)).toBe(false);
  });
});

describe('window options', () => {
  it('isolates the page: context isolation, sandbox, no Node, no webview', () => {
    const prefs = kioskWindowOptions({ kiosk: true, preloadPath: '/app/preload.cjs', partition: 'visitor' }).webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
  it('has devtools only outside kiosk mode', () => {
    expect(kioskWindowOptions({ kiosk: true, preloadPath: 'p', partition: 'v' })).toMatchObject({
      kiosk: true,
      webPreferences: { devTools: false },
    });
    expect(kioskWindowOptions({ kiosk: false, preloadPath: 'p', partition: 'v' })).toMatchObject({
      kiosk: false,
      webPreferences: { devTools: true },
    });
  });
  it('reloads a clean home screen after a crash or a hang', () => {
    expect(recoveryAction('crashed')).toBe('reload-home');
    expect(recoveryAction('oom')).toBe('reload-home');
    expect(recoveryAction('unresponsive')).toBe('reload-home');
    expect(recoveryAction('clean-exit')).toBe('none');
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });
  it('swallows reload, zoom, print, devtools, new window and history shortcuts', () => {
    for (const input of [
      key('F5'),
      key('F12'),
      key('r', { control: true }),
      key('+', { control: true }),
      key('0', { control: true }),
      key('p', { control: true }),
      key('I', { control: true, shift: true }),
      key('n', { meta: true }),
      key('ArrowLeft', { alt: true }),
      key('C', { control: true, shift: true }),
    ]) {
      expect(isBlockedShortcut(input), JSON.stringify(input)).toBe(true);
    }
  });
  it('keeps typing, copy and paste working', () => {
    for (const input of [
      key('a'),
      key('Enter'),
      key('Tab'),
      key('c', { control: true }),
      key('v', { control: true }),
      key('x', { control: true }),
      key('z', { control: true }),
      key('a', { control: true }),
    ]) {
      expect(isBlockedShortcut(input), JSON.stringify(input)).toBe(false);
    }
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only the app own scripts, styles and connections', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });
});

describe('app:// protocol', () => {
  const root = join('/opt', 'passerelle', 'renderer');
  it('maps app pages and assets into the renderer folder', () => {
    expect(resolveAppRequest('app://kiosk/index.html', root)?.file).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://kiosk/', root)?.file).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://kiosk/assets/a.js', root)).toMatchObject({ file: join(root, 'assets', 'a.js'), immutable: true });
  });
  it('refuses other hosts and anything outside the folder', () => {
    expect(resolveAppRequest('app://other/index.html', root)).toBeNull();
    // The URL parser folds dot segments first: what is left still lies inside the folder.
    expect(resolveAppRequest('app://kiosk/%2e%2e/%2e%2e/etc/passwd.txt', root)?.file).toBe(join(root, 'etc', 'passwd.txt'));
    expect(resolveAppRequest('app://kiosk/..%2f..%2fsecret.js', root)).toBeNull();
    expect(resolveAppRequest('app://kiosk/assets/program.exe', root)).toBeNull();
  });
});

describe('end of a visit in Electron', () => {
  it('wipes storage, HTTP cache, saved authentication and the clipboard, even when one step fails', async () => {
    const done: string[] = [];
    const partition = {
      clearStorageData: async () => void done.push('storage'),
      clearCache: async () => {
        done.push('cache');
        throw new Error('disk busy');
      },
      clearAuthCache: async () => void done.push('auth'),
    };
    await expect(wipeVisitorPartition(partition, { clear: () => void done.push('clipboard') })).rejects.toThrow('not wiped completely');
    expect(done).toEqual(['storage', 'cache', 'auth', 'clipboard']);
  });
});
