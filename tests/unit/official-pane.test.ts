import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../main/core/config';
import { publicSettingsOf } from '../../main/kiosk/settings';
import { webHostPort } from '../../main/app/host-port';
import {
  clampPaneBounds,
  isPaneNavigationAllowed,
  isWindowNavigationAllowed,
  officialPaneWebPreferences,
  officialPartition,
  officialUrlDecision,
} from '../../main/hosts/electron/policies/official-pane';

const allowed = ['https://www.monespacesante.fr', 'https://www.ameli.fr'];

describe('the official service pane (Electron)', () => {
  it('opens an https page of an allowlisted origin, and nothing else', () => {
    expect(officialUrlDecision('https://www.monespacesante.fr/', allowed)).toBe('open');
    expect(officialUrlDecision('https://www.ameli.fr/assure/compte', allowed)).toBe('open');
    expect(officialUrlDecision('http://www.ameli.fr/', allowed)).toBe('refuse');
    expect(officialUrlDecision('https://www.ameli.fr.example.com/', allowed)).toBe('refuse');
    expect(officialUrlDecision('https://user:pw@www.ameli.fr/', allowed)).toBe('refuse');
    expect(officialUrlDecision('https://www.monespacesante.fr/', [])).toBe('refuse');
    expect(officialUrlDecision('not a url', allowed)).toBe('refuse');
  });

  it('keeps the pane on the allowlist and the kiosk window on its own pages', () => {
    expect(isPaneNavigationAllowed('https://www.ameli.fr/connexion', allowed)).toBe(true);
    expect(isPaneNavigationAllowed('https://phishing.example/ameli', allowed)).toBe(false);
    expect(isPaneNavigationAllowed('app://kiosk/index.html', allowed)).toBe(false);
    expect(isWindowNavigationAllowed('app://kiosk/index.html')).toBe(true);
    expect(isWindowNavigationAllowed('https://www.ameli.fr/')).toBe(false);
  });

  it('keeps the pane inside the window and refuses a rectangle too small to use', () => {
    expect(clampPaneBounds({ x: 700, y: 100, width: 900, height: 2000 }, { width: 1280, height: 900 })).toEqual({
      x: 700,
      y: 100,
      width: 580,
      height: 800,
    });
    expect(clampPaneBounds({ x: -50, y: 10.4, width: 400, height: 400 }, { width: 1280, height: 900 })).toEqual({
      x: 0,
      y: 10,
      width: 400,
      height: 400,
    });
    expect(clampPaneBounds({ x: 1200, y: 0, width: 400, height: 400 }, { width: 1280, height: 900 })).toBeNull();
    expect(clampPaneBounds({ x: Number.NaN, y: 0, width: 400, height: 400 }, { width: 1280, height: 900 })).toBeNull();
  });

  it('runs in a locked-down, in-memory partition of its own', () => {
    const prefs = officialPaneWebPreferences();
    expect(prefs.partition).toBe(officialPartition);
    expect(prefs.partition.startsWith('persist:')).toBe(false);
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect('preload' in prefs).toBe(false);
  });

  it('is offered to the renderer where the host has a pane (Electron), for the origins the site allowlisted', () => {
    const config = parseSiteConfig({ allowedOrigins: ['https://www.ameli.fr/'] }, 'test', '/data');
    const electron = { capabilities: { silentPrint: true, officialPane: true, officialWindow: false, closeApp: true } };
    expect(publicSettingsOf(config, electron).officialOrigins).toEqual(['https://www.ameli.fr']);
    expect(publicSettingsOf(config, electron).capabilities).toEqual(electron.capabilities);
    const web = webHostPort();
    expect(publicSettingsOf(config, web).officialOrigins).toEqual([]);
    expect(publicSettingsOf(config, web).capabilities).toEqual({
      silentPrint: false,
      officialPane: false,
      officialWindow: false,
      closeApp: false,
    });
    expect(
      publicSettingsOf(
        config,
        webHostPort(() => undefined),
      ).capabilities.closeApp,
    ).toBe(true);
  });
});
