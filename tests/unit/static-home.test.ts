// The home page rendered at build time and filled in by the host: the site's name (escaped), its languages in its
// order, the mediator's button only where assisted mode is on, and the settings written in for the renderer.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageSettingsId } from '../../common/api/page-settings';
import { fillStaticHome } from '../../common/api/static-home';
import type { PublicSettings } from '../../common/api/types';
import type { Locale } from '../../common/api/types';
import { inlineStyleSheet, loadHomeRenderer } from '../../build/scripts/static-home-build';
import { contentSecurityPolicy, pageStyleHashes } from '../../main/hosts/common/csp';
import { useTempDir } from './temp-dir';

const index = '<!doctype html><html lang="fr" dir="ltr"><head><title>x</title></head><body><div id="root"></div></body></html>';
let pages: Record<Locale, string>;
beforeAll(async () => {
  // Rendered as the build renders it: the renderer's component bundled for Node by esbuild.
  const { renderHomePages } = await loadHomeRenderer(join(import.meta.dirname, '..', '..'));
  pages = renderHomePages(index, () => '<svg viewBox="0 0 64 64"><path d="M0 0h1"/></svg>');
});

const settings = (changes: Partial<PublicSettings>): PublicSettings =>
  ({
    siteName: 'Passerelle Santé',
    siteType: 'library',
    locales: ['fr', 'en', 'ar'],
    defaultLocale: 'fr',
    idleTimeoutSeconds: 120,
    assistedMode: true,
    printing: false,
    capabilities: {},
    officialOrigins: [],
    helpPlaces: [],
    ...changes,
  }) as PublicSettings;

/** The visible text of a page, without its tags and slot marks. */
const textOf = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ');
const radios = (html: string) => [...html.matchAll(/name="language"[^>]*value="(\w+)"/g)].map((m) => m[1]);

describe('the built home page, filled in by the host', () => {
  it('shows the tagline on a site without a name of its own, every language, the mediator button', () => {
    const page = fillStaticHome(pages.fr, settings({}));
    expect(textOf(page)).toContain('Une aide pour vos démarches de santé');
    expect(page).not.toContain('{{siteName}}');
    expect(radios(page)).toEqual(['fr', 'en', 'ar']);
    expect(textOf(page)).toContain('Espace médiateur');
    expect(page).not.toMatch(/<!--\/?slot:/);
    expect(page).toContain(`id="${pageSettingsId}"`);
  });

  it('writes the site’s own name as text, never as markup', () => {
    const page = fillStaticHome(pages.fr, settings({ siteName: 'Médiathèque <b>"Les Tilleuls"</b>' }));
    expect(page).toContain('Médiathèque &lt;b&gt;&quot;Les Tilleuls&quot;&lt;/b&gt;');
    expect(textOf(page)).not.toContain('Une aide pour vos démarches de santé');
  });

  it('offers the site’s languages in its order, none when it has one, and no mediator button without assisted mode', () => {
    const two = fillStaticHome(pages.ar, settings({ locales: ['ar', 'fr'], defaultLocale: 'ar', assistedMode: false }));
    expect(two).toMatch(/<html lang="ar" dir="rtl"/);
    expect(radios(two)).toEqual(['ar', 'fr']);
    expect(two).toMatch(/name="language" checked="" value="ar"/);
    expect(textOf(two)).not.toContain('Espace médiateur');
    const one = fillStaticHome(pages.en, settings({ locales: ['en'], defaultLocale: 'en' }));
    expect(radios(one)).toEqual([]);
    expect(one).not.toContain('class="language-switch"');
    expect(textOf(one)).toContain('Hello');
  });
});

describe('the style sheet written into the built page', () => {
  const tempDir = useTempDir();
  const page = '<html><head><link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head><body></body></html>';
  const distWith = (css: string) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-abc.css'), css);
    return dir;
  };

  it('replaces the link, and the policy the hosts send allows exactly that <style> by its hash', () => {
    const css = "@font-face{src:url(/assets/a.woff2)}h1{font-size:2rem}.x::after{content:'$&'}";
    const inlined = inlineStyleSheet(page, distWith(css));
    expect(inlined).toBe(`<html><head><style>${css}</style></head><body></body></html>`);
    const hashes = pageStyleHashes(inlined);
    expect(hashes).toEqual([`'sha256-${createHash('sha256').update(css).digest('base64')}'`]);
    expect(contentSecurityPolicy(hashes)).toContain(hashes[0]);
    expect(contentSecurityPolicy()).not.toContain(hashes[0]);
  });

  it('refuses a sheet that would end the element early or whose addresses would not resolve from the page', () => {
    expect(() => inlineStyleSheet(page, distWith('a{content:"</style><script>"}'))).toThrow(/<\/style/);
    expect(() => inlineStyleSheet(page, distWith('@font-face{src:url(fonts/a.woff2)}'))).toThrow(/relative url/);
    expect(() => inlineStyleSheet('<html><head></head></html>', distWith('h1{}'))).toThrow(/links 0/);
  });
});
