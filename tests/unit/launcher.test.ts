import { describe, expect, it } from 'vitest';
import { chooseHost } from '../../main/hosts/launcher/choose-host';
import { chromiumKioskArgs, findChromium } from '../../main/hosts/launcher/chromium';

describe('choosing the host', () => {
  const full = { electronBinary: '/opt/electron', electronSqliteBinding: '/opt/sqlite.node' };
  it('uses Electron when its binary and its database module are there', () => {
    expect(chooseHost('auto', full)).toEqual({ host: 'electron', binary: '/opt/electron', sqliteBinding: '/opt/sqlite.node' });
  });
  it('falls back to the web host and says why', () => {
    expect(chooseHost('auto', { electronBinary: null, electronSqliteBinding: null })).toMatchObject({
      host: 'web',
      why: expect.stringContaining('no Electron binary'),
    });
    expect(chooseHost('auto', { ...full, electronSqliteBinding: null })).toMatchObject({
      host: 'web',
      why: expect.stringContaining('electron:rebuild'),
    });
    expect(chooseHost('web', full)).toMatchObject({ host: 'web' });
  });
});

describe('kiosk browser', () => {
  it('finds the first installed browser of the platform, or the one named in PASSERELLE_CHROMIUM', () => {
    expect(findChromium('linux', (p) => p === '/usr/bin/chromium', {})).toBe('/usr/bin/chromium');
    expect(findChromium('linux', (p) => p === '/opt/c', { PASSERELLE_CHROMIUM: '/opt/c' })).toBe('/opt/c');
    expect(findChromium('linux', () => false, {})).toBeNull();
  });
  it('runs one kiosk app window on a throw-away profile, with nothing phoning home', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:8741/', '/tmp/p1', { kiosk: true });
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:8741/',
        '--user-data-dir=/tmp/p1',
        '--incognito',
        '--disable-background-networking',
        '--disable-sync',
        '--no-first-run',
      ]),
    );
    expect(chromiumKioskArgs('http://127.0.0.1:1/', '/tmp/p', { kiosk: false })).not.toContain('--kiosk');
  });
});
