import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadSiteConfig, parseSiteConfig } from '../../main/core/config';
import { parseLauncherFlags } from '../../main/hosts/common/flags';
import { problemsOf } from './config-problems';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

describe('site configuration', () => {
  it('fills every field with its default when the file is empty', () => {
    const config = parseSiteConfig({}, 'test', '/data');
    expect(config).toMatchObject({
      siteType: 'library',
      defaultLocale: 'fr',
      locales: ['fr', 'en', 'ar'],
      idleTimeoutSeconds: 120,
      kiosk: true,
      dataDir: '/data',
    });
  });

  it('names the bad field, the value found and what is expected', () => {
    const problems = problemsOf(() => parseSiteConfig({ idleTimeoutSeconds: 'deux minutes' }, 'site.json'));
    expect(problems).toEqual(['field "idleTimeoutSeconds": expected a whole number of seconds from 30 to 3600, got "deux minutes"']);
  });

  it('refuses an unknown field, listing the known ones', () => {
    const [problem] = problemsOf(() => parseSiteConfig({ idleTimeout: 60 }, 'site.json'));
    expect(problem).toContain('unknown field "idleTimeout"');
    expect(problem).toContain('idleTimeoutSeconds');
  });

  it('takes assisted mode, printing, the headset jack, official origins, retention, ticket days and help places, with safe defaults', () => {
    expect(parseSiteConfig({}, 'test', '/data')).toMatchObject({
      assistedMode: true,
      printing: true,
      headsetJack: false,
      allowedOrigins: [],
      retentionDays: 90,
      ticketDays: 30,
      helpPlaces: [],
    });
    const config = parseSiteConfig(
      {
        allowedOrigins: ['https://www.monespacesante.fr', 'https://www.ameli.fr/'],
        retentionDays: 30,
        helpPlaces: [{ name: 'Accueil de la médiathèque', phone: '01 23 45 67 89', hours: 'Du mardi au samedi, de 10 h à 18 h' }],
      },
      'site.json',
    );
    expect(config.allowedOrigins).toEqual(['https://www.monespacesante.fr', 'https://www.ameli.fr/']);
    expect(config.helpPlaces[0]?.phone).toBe('01 23 45 67 89');
  });

  it('refuses an official origin that is not https, or has a path, naming the entry', () => {
    for (const origin of ['http://www.ameli.fr', 'https://www.ameli.fr/assure', 'https://user@www.ameli.fr', 'ameli.fr']) {
      const problems = problemsOf(() => parseSiteConfig({ allowedOrigins: [origin] }, 'site.json'));
      expect(problems[0]).toBe(
        `field "allowedOrigins.0": expected a list of https origins such as "https://www.monespacesante.fr", without a path, got ${JSON.stringify(origin)}`,
      );
    }
    expect(problemsOf(() => parseSiteConfig({ ticketDays: 365 }, 'x'))[0]).toMatch(
      /^field "ticketDays": expected a whole number of days from 1 to 90/,
    );
    expect(problemsOf(() => parseSiteConfig({ helpPlaces: [{ phone: '3646' }] }, 'x'))[0]).toMatch(
      /^field "helpPlaces.0.name": expected a list of places/,
    );
  });

  it('refuses a default language that is not offered', () => {
    const problems = problemsOf(() => parseSiteConfig({ locales: ['fr', 'en'], defaultLocale: 'ar' }, 'x'));
    expect(problems[0]).toMatch(/^field "defaultLocale": expected one of the languages listed in "locales", got "ar"/);
  });

  it('reads a file, lets command-line flags win, and says which file is wrong', () => {
    const dir = tempDir();
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ siteName: 'Médiathèque Jean Macé', port: 9000 }));
    const flags = parseLauncherFlags(['--port=9100', `--data-dir=${dir}`]);
    const config = loadSiteConfig({ explicitPath: file, overrides: flags.overrides }, join(dir, 'absent.json'));
    expect(config).toMatchObject({ siteName: 'Médiathèque Jean Macé', port: 9100, dataDir: dir });

    writeFileSync(file, '{ "siteName": ');
    expect(() => loadSiteConfig({ explicitPath: file })).toThrow(/site\.json[\s\S]*not valid JSON/);
    expect(() => loadSiteConfig({ explicitPath: join(dir, 'missing.json') })).toThrow(/cannot be read \(ENOENT\)/);
  });

  it('refuses a port given as text on the command line, naming it', () => {
    const flags = parseLauncherFlags(['--port=web']);
    const problems = problemsOf(() => loadSiteConfig({ overrides: flags.overrides }, '/nonexistent/config.json'));
    expect(problems[0]).toContain('field "port": expected a whole number from 1024 to 65535');
  });

  it('refuses an unknown flag with the list of known flags', () => {
    expect(() => parseLauncherFlags(['--kiosque'])).toThrow(/Known flags: --config/);
  });

  it('keeps data in the per-user state folder of each system', () => {
    expect(defaultDataDir('linux', {}, '/home/borne')).toBe('/home/borne/.local/state/passerelle-sante');
    expect(defaultDataDir('win32', { LOCALAPPDATA: 'C:\\Users\\borne\\AppData\\Local' }, 'C:\\Users\\borne')).toContain('PasserelleSante');
  });
});
