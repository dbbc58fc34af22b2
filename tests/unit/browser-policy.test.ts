// The Chromium managed policies shipped with the browser-kiosk, and how /api/health reports the installed file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../main/core/config';
import { createMemoryLogger } from '../../main/core/log';
import { browserPolicyFile } from '../../main/hosts/web/browser-policy';
import { runWebHost } from '../../main/hosts/web/run-web-host';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const shipped = join(import.meta.dirname, '..', '..', 'build', 'chromium-policy', 'passerelle-sante.json');
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function health(policyFile: string) {
  const dir = tempDir();
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  const config = parseSiteConfig({ port: 0 }, 'test', join(dir, 'data'));
  const web = await runWebHost(
    config,
    { renderer: join(dir, 'renderer'), bundledPack: null, browserPolicyFile: policyFile },
    createMemoryLogger(),
  );
  running.push(web);
  const answer = await fetch(new URL('/api/health', web.host.url));
  return ((await answer.json()) as { browserPolicy?: unknown }).browserPolicy;
}

describe('the shipped Chromium policies', () => {
  const policies = JSON.parse(readFileSync(shipped, 'utf8')) as Record<string, unknown>;
  it('allow the kiosk only, and block every other address and the local files', () => {
    expect(policies.URLBlocklist).toEqual(expect.arrayContaining(['*', 'file://*']));
    expect(policies.URLAllowlist).toEqual(['http://127.0.0.1:8741']);
  });
  it('allow no file dialog, no download, no other profile, no guest window, no translation', () => {
    expect(policies).toMatchObject({
      AllowFileSelectionDialogs: false,
      DownloadRestrictions: 3,
      BrowserGuestModeEnabled: false,
      BrowserAddPersonEnabled: false,
      TranslateEnabled: false,
      PrintingEnabled: true,
    });
    // Every window is off the record (the launcher's --incognito): nothing of a visit is written to disk.
    expect(policies.IncognitoModeAvailability).toBe(2);
  });
  it('leave the launcher its debugging pipe: DeveloperToolsAvailability=2 would refuse it, and with it the escape guard', () => {
    expect(policies).not.toHaveProperty('DeveloperToolsAvailability');
  });
});

describe('/api/health reports the installed policies', () => {
  it('says when the file is absent', async () => {
    const file = join(tempDir(), 'passerelle-sante.json');
    expect(await health(file)).toEqual({ file, present: false });
  });
  it('gives the key values of the installed file', async () => {
    const file = join(tempDir(), 'passerelle-sante.json');
    copyFileSync(shipped, file);
    expect(await health(file)).toEqual({
      file,
      present: true,
      values: {
        URLBlocklist: ['*', 'file://*'],
        URLAllowlist: ['http://127.0.0.1:8741'],
        AllowFileSelectionDialogs: false,
        DownloadRestrictions: 3,
        IncognitoModeAvailability: 2,
        BrowserGuestModeEnabled: false,
        BrowserAddPersonEnabled: false,
        PrintingEnabled: true,
        TranslateEnabled: false,
      },
    });
  });
  it('says when the file is damaged', async () => {
    const file = join(tempDir(), 'passerelle-sante.json');
    writeFileSync(file, '{"URLBlocklist": [');
    expect(await health(file)).toEqual({ file, present: true, problem: 'invalid' });
  });
  it('looks where the Linux set-up installs it, unless told otherwise', () => {
    expect(browserPolicyFile({}, 'linux')).toBe('/etc/chromium/policies/managed/passerelle-sante.json');
    expect(browserPolicyFile({ PASSERELLE_CHROMIUM_POLICY: '/etc/opt/chrome/policies/managed/p.json' }, 'linux')).toBe(
      '/etc/opt/chrome/policies/managed/p.json',
    );
    expect(browserPolicyFile({}, 'win32')).toBeNull();
  });
});
