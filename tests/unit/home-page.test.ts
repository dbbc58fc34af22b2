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
});
