// The Electron kiosk's hardening that only a packaged binary shows: the fuses electron-builder flips, and the
// debugging switches the packaged app refuses on its command line (no Electron binary is needed for either check).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { refusedDebugSwitches } from '../../main/hosts/electron/policies/debug-switches';

const root = join(import.meta.dirname, '..', '..');
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, boolean>;
  asar?: boolean;
};

describe('Electron fuses in electron-builder.yml', () => {
  it('turn off running as Node.js, NODE_OPTIONS and the inspect arguments', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });
  it('check the asar against its embedded hash and load the app from it only', () => {
    expect(builder.electronFuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
    // The app is packed into an asar (electron-builder's default): the two fuses above need it.
    expect(builder.asar).not.toBe(false);
  });
});

describe('debugging switches on the packaged app command line', () => {
  const exe = '/opt/Passerelle Santé/passerelle-sante';
  it.each([
    ['--inspect'],
    ['--inspect=0.0.0.0:9229'],
    ['--inspect-brk=9229'],
    ['--remote-debugging-port=9222'],
    ['-remote-debugging-port=9222'],
    ['--REMOTE-DEBUGGING-PORT=9222'],
    ['--remote-debugging-pipe'],
    ['--remote-allow-origins=*'],
    ['--js-flags=--allow-natives-syntax'],
    ['--auto-open-devtools-for-tabs'],
    ['--disable-web-security'],
    ['--ignore-certificate-errors'],
    ['--load-extension=/tmp/x'],
  ])('%s is refused', (arg) => {
    expect(refusedDebugSwitches([exe, '--config=/etc/passerelle-sante/config.json', arg], {}, 'linux')).toHaveLength(1);
  });
  it('refuses the Windows spelling with a slash too', () => {
    expect(refusedDebugSwitches(['C:\\\\Passerelle\\\\app.exe', '/remote-debugging-port=9222'], {}, 'win32')).toEqual([
      '--remote-debugging-port',
    ]);
  });
  it('refuses NODE_OPTIONS and ELECTRON_RUN_AS_NODE in the environment, by name only', () => {
    expect(refusedDebugSwitches([exe], { NODE_OPTIONS: '--inspect', ELECTRON_RUN_AS_NODE: '1' }, 'linux')).toEqual([
      'NODE_OPTIONS',
      'ELECTRON_RUN_AS_NODE',
    ]);
  });
  it('lets the kiosk own flags through', () => {
    expect(
      refusedDebugSwitches(
        [exe, '--config=/etc/passerelle-sante/config.json', '--data-dir=/var/lib/passerelle-sante', '--no-kiosk', '--port=8741', 'inspect'],
        { PATH: '/usr/bin' },
        'linux',
      ),
    ).toEqual([]);
  });
});
