import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseHost } from '../../main/hosts/launcher/choose-host';
import { chromiumKioskArgs, chromiumMissingMessage, findChromium, seedKioskProfile } from '../../main/hosts/launcher/chromium';

describe('choosing the host', () => {
  const full = { electronBinary: '/opt/electron', electronSqliteBinding: '/opt/sqlite.node' };
  it('uses Electron when its binary and its database module are there', () => {
    expect(chooseHost('auto', full)).toEqual({ host: 'electron', binary: '/opt/electron', sqliteBinding: '/opt/sqlite.node' });
  });
  it('falls back to the browser-kiosk mode, says why, and how to get Electron later', () => {
    expect(chooseHost('auto', { electronBinary: null, electronSqliteBinding: null })).toMatchObject({
      host: 'web',
      why: expect.stringContaining('Electron is not installed'),
      later: expect.stringContaining('npm run electron:install, then npm run electron:rebuild'),
    });
    expect(chooseHost('auto', { ...full, electronSqliteBinding: null })).toMatchObject({
      host: 'web',
      later: expect.stringContaining('npm run electron:rebuild'),
    });
    // Asked for: nothing to explain.
    expect(chooseHost('web', full)).toEqual({ host: 'web', why: 'the web host was asked for' });
  });
});

describe('kiosk browser', () => {
  it('finds the first installed browser of the platform, or the one named in PASSERELLE_CHROMIUM', () => {
    expect(findChromium('linux', (p) => p === '/usr/bin/chromium', {})).toBe('/usr/bin/chromium');
    expect(findChromium('linux', (p) => p === '/opt/c', { PASSERELLE_CHROMIUM: '/opt/c' })).toBe('/opt/c');
    expect(findChromium('linux', () => false, {})).toBeNull();
  });
  it('reports a PASSERELLE_CHROMIUM that names a missing file instead of passing over it', () => {
    expect(findChromium('linux', (p) => p === '/usr/bin/chromium', { PASSERELLE_CHROMIUM: '/opt/gone' })).toBeNull();
    expect(chromiumMissingMessage('linux', { PASSERELLE_CHROMIUM: '/opt/gone' })).toMatch(
      /PASSERELLE_CHROMIUM is set to \/opt\/gone, which does not exist/,
    );
  });
  it('says which package to install when no browser is there', () => {
    expect(chromiumMissingMessage('linux', {})).toContain('apt-get install chromium');
    expect(chromiumMissingMessage('linux', {})).toContain('PASSERELLE_CHROMIUM');
    expect(chromiumMissingMessage('win32', {})).toContain('Chrome or Edge');
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
  it('starts each profile with translation off (current Chromium ignores the old flags), and a single --disable-features', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-profile-'));
    try {
      seedKioskProfile(dir);
      const preferences = JSON.parse(readFileSync(join(dir, 'Default', 'Preferences'), 'utf8')) as { translate?: { enabled?: boolean } };
      expect(preferences.translate?.enabled).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const args = chromiumKioskArgs('http://127.0.0.1:1/', '/tmp/p', { kiosk: true });
    // Chromium keeps only the last --disable-features it is given.
    expect(args.filter((arg) => arg.startsWith('--disable-features=')).length).toBe(1);
    expect(args).toContain('--disable-features=Translate,PasswordManagerOnboarding,AutofillServerCommunication');
  });
});
