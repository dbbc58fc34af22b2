// Whether a visitor alone can open a step's official site: what the host offers the renderer (Electron's pane, the
// supervised kiosk browser's second window, or nothing) and how the renderer decides for one address.
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../main/core/config';
import { webHostPort } from '../../main/app/host-port';
import { publicSettingsOf } from '../../main/kiosk/settings';
import { officialAccess } from '../../renderer/kit/official-access';
import { decideTarget } from '../../main/hosts/launcher/target-rules';

const config = parseSiteConfig({ allowedOrigins: ['https://www.ameli.fr/', 'https://www.monespacesante.fr'] }, 'test', '/data');
const origins = ['https://www.ameli.fr', 'https://www.monespacesante.fr'];

describe('what the host offers the renderer', () => {
  const electron = { capabilities: { silentPrint: true, officialPane: true, officialWindow: false, closeApp: true } };
  const supervised = webHostPort(undefined, { wipe: () => Promise.resolve() });
  it('a pane in Electron, a second window in a supervised kiosk browser, nothing in a browser nobody supervises', () => {
    expect(publicSettingsOf(config, electron)).toMatchObject({ officialOrigins: origins });
    expect(publicSettingsOf(config, electron).capabilities.officialWindow).toBe(false);
    expect(publicSettingsOf(config, supervised)).toMatchObject({ officialOrigins: origins, capabilities: { officialWindow: true } });
    expect(publicSettingsOf(config, webHostPort())).toMatchObject({ officialOrigins: [], capabilities: { officialWindow: false } });
  });

  it('nothing to open when the site allowlists no origin, supervised or not', () => {
    const none = parseSiteConfig({}, 'test', '/data');
    expect(publicSettingsOf(none, supervised)).toMatchObject({ officialOrigins: [] });
  });

  it("the web host's end of a visit closes and wipes the official windows when the launcher holds them", async () => {
    let wiped = 0;
    const port = webHostPort(undefined, { wipe: () => Promise.resolve(void wiped++) });
    expect(port.capabilities.officialWindow).toBe(true);
    await port.wipeVisit();
    expect(wiped).toBe(1);
    expect(webHostPort().capabilities.officialWindow).toBe(false);
  });
});

describe('how the renderer opens one address', () => {
  const pane = { origins, how: 'pane' as const };
  const window = { origins, how: 'window' as const };

  it('opens an https address of an allowlisted origin the way the host offers', () => {
    expect(officialAccess('https://www.ameli.fr/assure/compte', pane)).toBe('pane');
    expect(officialAccess('https://www.monespacesante.fr/', window)).toBe('window');
  });

  it('says it cannot for any other address, or where the host opens nothing', () => {
    for (const url of [
      'http://www.ameli.fr/',
      'https://www.ameli.fr.example.com/',
      'https://user:secret@www.ameli.fr/',
      'https://ameli.fr/',
      'https://www.ameli.fr:8443/',
      'not an address',
    ]) {
      expect(officialAccess(url, window), url).toBe('none');
    }
    expect(officialAccess('https://www.ameli.fr/', undefined)).toBe('none');
    expect(officialAccess('https://www.ameli.fr/', { origins: [], how: 'window' })).toBe('none');
  });
});

describe("the kiosk browser's supervisor, for a window the kiosk page opens", () => {
  const kioskOrigin = 'http://127.0.0.1:8741';
  const context = { kioskOrigin, kioskTargetId: 'K', allowlist: origins };
  const opened = (url: string, openerId = 'K') => ({ targetId: 'O', type: 'page', url, openerId });

  it('waits for the address of a window that has none yet, where official origins are allowlisted', () => {
    expect(decideTarget(opened(''), context)).toEqual({ action: 'wait' });
    expect(decideTarget(opened('https://www.ameli.fr/'), context)).toEqual({ action: 'keep' });
  });

  it('closes an addressless window at once without an allowlist, or when another page opened it', () => {
    expect(decideTarget(opened(''), { ...context, allowlist: [] })).toEqual({ action: 'close' });
    expect(decideTarget(opened('', 'X'), context)).toEqual({ action: 'close' });
    expect(decideTarget(opened('about:blank'), context)).toEqual({ action: 'close' });
    expect(decideTarget(opened('https://www.impots.gouv.fr/'), context)).toEqual({ action: 'close' });
  });
});
