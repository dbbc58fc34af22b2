// The page both hosts (web host, Electron's app://) answer the app's address with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSettingsId } from '../../common/api/page-settings';
import type { PublicSettings } from '../../common/api/types';
import { homePageHtml } from '../../main/hosts/common/home-page';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const settings = {
  siteName: 'Médiathèque de Lunel',
  siteType: 'library',
  locales: ['ar', 'fr'],
  defaultLocale: 'ar',
  idleTimeoutSeconds: 120,
  assistedMode: false,
  printing: false,
  capabilities: {},
  officialOrigins: [],
  helpPlaces: [],
} as unknown as PublicSettings;

describe('the app’s page', () => {
  it('is the built home page in the site’s language, filled in, when the build made it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
    writeFileSync(
      join(dir, 'home.ar.html'),
      '<!doctype html><html lang="ar"><head></head><body><div id="root"><p><!--slot:site-name-->{{siteName}}<!--/slot:site-name--></p></div></body></html>',
    );
    const page = homePageHtml(dir, settings) ?? '';
    expect(page).toContain('<html lang="ar"');
    expect(page).toContain('<p>Médiathèque de Lunel</p>');
    expect(page).toContain(`id="${pageSettingsId}"`);
  });

  it('is index.html with the settings written in without a built home page, and nothing without index.html', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    expect(homePageHtml(dir, settings)).toBeNull();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
    const page = homePageHtml(dir, settings) ?? '';
    expect(page).toContain('<div id="root"></div>');
    expect(page).toContain(`id="${pageSettingsId}"`);
  });

  it('is filled once per built file and settings, and filled again when either changes (a rebuild, a new name)', () => {
    const dir = tempDir();
    const home = join(dir, 'home.ar.html');
    const built = (words: string) =>
      `<!doctype html><html lang="ar"><head></head><body><p>${words}</p><p><!--slot:site-name-->{{siteName}}<!--/slot:site-name--></p></body></html>`;
    writeFileSync(home, built('un'));
    const first = homePageHtml(dir, settings) ?? '';
    expect(homePageHtml(dir, settings)).toBe(first);
    // A rebuild of the same length in the same millisecond would be missed by the date alone: the size and date both count.
    writeFileSync(home, built('deux mots'));
    expect(homePageHtml(dir, settings)).toContain('<p>deux mots</p>');
    const renamed = { ...settings, siteName: 'Centre social des Fontaines' } as PublicSettings;
    expect(homePageHtml(dir, renamed)).toContain('<p>Centre social des Fontaines</p>');
    expect(homePageHtml(dir, settings)).toContain('<p>Médiathèque de Lunel</p>');
  });
});
