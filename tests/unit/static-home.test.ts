// The home page rendered at build time and filled in by the host: the site's name (escaped), its languages in its
// order, the mediator's button only where assisted mode is on, and the settings written in for the renderer.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageSettingsId } from '../../common/api/page-settings';
import { fillStaticHome } from '../../common/api/static-home';
import type { PublicSettings } from '../../common/api/types';
import type { Locale } from '../../common/api/types';
import {
  autonymFontFace,
  inlineAppLoader,
  inlineStyleSheet,
  staticHomeCss,
  loadHomeRenderer,
  preloadFonts,
  rightToLeftAutonyms,
  withAutonymFont,
} from '../../build/scripts/static-home-build';
import { contentSecurityPolicy, pagePolicy, pageScriptHashes, pageStyleHashes } from '../../main/hosts/common/csp';
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

  it('writes the built page’s own rules after the app’s, marked for the app to remove, each allowed by its hash', async () => {
    const own = await staticHomeCss(join(import.meta.dirname, '..', '..'));
    expect(own).toContain('html:has(input[name=text-size][value="200"]:checked)');
    expect(own).not.toMatch(/\n|\/\*/);
    const inlined = inlineStyleSheet(page, distWith('h1{font-size:2rem}'), own);
    expect(inlined).toBe(
      `<html><head><style>h1{font-size:2rem}</style><style data-static-home-style>${own}</style></head><body></body></html>`,
    );
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(pageStyleHashes(inlined)).toEqual([hash('h1{font-size:2rem}'), hash(own)]);
    // The language names' face goes into the app's sheet, which the app keeps.
    expect(withAutonymFont(inlined, { css: '.a{}' })).toContain('<style>h1{font-size:2rem}.a{}</style><style data-static-home-style>');
    expect(() => inlineStyleSheet(page, distWith('h1{}'), 'a{content:"</style>"}')).toThrow(/<\/style/);
  });

  it('gives the built page’s strong contrast the app’s own colours (the same declarations in both sheets)', () => {
    const styles = join(import.meta.dirname, '..', '..', 'renderer', 'styles');
    const block = (file: string, selector: string) => {
      const css = readFileSync(join(styles, file), 'utf8');
      const start = css.indexOf(`${selector} {`);
      expect(start, `${selector} in ${file}`).toBeGreaterThanOrEqual(0);
      return css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start)).trim();
    };
    const app = block('app.css', "html[data-theme='contrast']");
    expect(app).toContain('--color-bg: #000000;');
    expect(block('static-home.css', "html:has(input[name='contrast'][value='on']:checked)")).toBe(app);
  });

  it('refuses a sheet that would end the element early or whose addresses would not resolve from the page', () => {
    expect(() => inlineStyleSheet(page, distWith('a{content:"</style><script>"}'))).toThrow(/<\/style/);
    expect(() => inlineStyleSheet(page, distWith('@font-face{src:url(fonts/a.woff2)}'))).toThrow(/relative url/);
    expect(() => inlineStyleSheet('<html><head></head></html>', distWith('h1{}'))).toThrow(/links 0/);
  });
});

describe('the app loader written into the built page', () => {
  const tempDir = useTempDir();
  const tag =
    '<script src="/app-loader.js" data-app="/assets/index-abc.js" data-preload="/assets/a.js /assets/b.js" data-start-on-change="language" defer></script>';
  const page = `<html><head><style>h1{}</style>\n    ${tag}\n  </head><body><h1>Bonjour</h1><script src="/other.js"></script></body></html>`;
  const distWith = (loader: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app-loader.js'), loader);
    return dir;
  };

  it('replaces the request with the script itself at the end of the body, keeping its settings, and only the policy of that page allows it', () => {
    const loader = "(function(){var s=document.currentScript;window.x=s.dataset.app+'$&';})();";
    const inlined = inlineAppLoader(page, distWith(loader));
    expect(inlined).toBe(
      `<html><head><style>h1{}</style>\n  </head><body><h1>Bonjour</h1><script src="/other.js"></script><script data-app="/assets/index-abc.js" data-preload="/assets/a.js /assets/b.js" data-start-on-change="language">${loader}</script></body></html>`,
    );
    const hash = `'sha256-${createHash('sha256').update(loader).digest('base64')}'`;
    // The linked script is not hashed: 'self' allows it.
    expect(pageScriptHashes(inlined)).toEqual([hash]);
    expect(pagePolicy(inlined)).toContain(`script-src 'self' ${hash};`);
    expect(pagePolicy(inlined)).toContain(pageStyleHashes(inlined)[0]);
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
    expect(pagePolicy(inlined)).not.toContain('unsafe-inline');
  });

  it('refuses a loader that would end the element early, and a page that does not ask for it or end its body exactly once', () => {
    expect(() => inlineAppLoader(page, distWith('var a = "</script><script>alert(1)";'))).toThrow(/<\/script/);
    expect(() => inlineAppLoader('<html><head></head></html>', distWith('0'))).toThrow(/0 times/);
    expect(() => inlineAppLoader(page + tag, distWith('0'))).toThrow(/2 times/);
    expect(() => inlineAppLoader(`${tag}<body></body><body></body>`, distWith('0'))).toThrow(/ends its body|end its body/);
  });
});

describe('the language names written right to left, in their own cut of their font', () => {
  const tempDir = useTempDir();
  const withSwitch = (spans: string) =>
    `<html><head><style>h1{}</style></head><body><div class="language-switch" role="radiogroup">${spans}</div><main><p lang="ar" dir="rtl">مرحبا</p></main></body></html>`;

  it('are the letters of the switch\u2019s right-to-left names, from every page, once each', () => {
    const arabic = '<label><span lang="ar" dir="rtl">العربية</span></label>';
    const french = '<label><span lang="fr" dir="ltr">Français</span></label>';
    expect(rightToLeftAutonyms([withSwitch(french + arabic), withSwitch(arabic)])).toBe([...new Set('العربية')].sort().join(''));
    expect(rightToLeftAutonyms([withSwitch(french)])).toBe('');
    expect(rightToLeftAutonyms(['<html><body></body></html>'])).toBe('');
  });

  it('are cut from the real font into a small file, with a face and a rule for the switch, added to the page\u2019s one style sheet', async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    const font = join(
      import.meta.dirname,
      '..',
      '..',
      'node_modules',
      '@fontsource',
      'noto-sans-arabic',
      'files',
      'noto-sans-arabic-arabic-700-normal.woff2',
    );
    const face = await autonymFontFace('ابةعرلي', font, dist);
    expect(face).not.toBeNull();
    const cut = readFileSync(join(dist, 'assets', face?.file ?? ''));
    expect(cut.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(cut.length).toBeLessThan(readFileSync(font).length / 5);
    expect(face?.css).toContain(`url(/assets/${face?.file})`);
    expect(face?.css).toContain('unicode-range:U+627,U+628,U+629,U+639,U+631,U+644,U+64A}');
    expect(face?.css).toContain('.language-switch [dir=rtl]{font-family:"Passerelle Autonyms",var(--font-body)}');
    expect(withAutonymFont(withSwitch(''), face)).toContain(`${face?.css}</style>`);
    expect(withAutonymFont(withSwitch(''), null)).toBe(withSwitch(''));
    expect(() => withAutonymFont('<style></style><style></style>', face)).toThrow(/one <style>/);
    expect(await autonymFontFace('', font, dist)).toBeNull();
  });
});

describe('the fonts the built page asks for with itself', () => {
  const css =
    '@font-face{font-family:A;font-weight:400;src:url(/assets/latin-400.woff2)format("woff2"),url(/assets/latin-400.woff)format("woff");unicode-range:U+??,U+131,U+152-153}' +
    '@font-face{font-family:A;font-weight:700;src:url(/assets/latin-700.woff2)format("woff2");unicode-range:U+??,U+152-153}' +
    '@font-face{font-family:A;font-weight:400;src:url(/assets/latin-ext-400.woff2)format("woff2");unicode-range:U+100-130,U+132-151}' +
    "@font-face{font-family:B;font-weight:700;src:url('/assets/arabic-700.woff2') format('woff2');unicode-range:U+0600-06FF,U+FB50-FDFF}";
  const page = (main: string) =>
    `<html><head><style>${css}</style></head><body><header><span lang="ar">العربية</span></header><main id="content">${main}</main></body></html>`;
  const asked = (html: string) =>
    [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin>/g)].map((m) => m[1]);

  it('are the faces with the letters of its main part, before its style sheet, and the bold face of a word in another script elsewhere', () => {
    const french = preloadFonts(page('<h1>Bonjour</h1><p>Que voulez-vous faire ?</p><svg><text>ignoré ā</text></svg>'));
    expect(asked(french)).toEqual(['/assets/latin-400.woff2', '/assets/latin-700.woff2', '/assets/arabic-700.woff2']);
    expect(french.indexOf('<link rel="preload"')).toBeLessThan(french.indexOf('<style>'));
    // The Arabic page: its main part has Arabic already, so the top bar's word adds nothing.
    expect(asked(preloadFonts(page('<h1>مرحبًا</h1><p>ameli</p>')))).toEqual([
      '/assets/latin-400.woff2',
      '/assets/latin-700.woff2',
      '/assets/arabic-700.woff2',
    ]);
    expect(asked(preloadFonts(page('<p>Łódź ı</p>')))).toEqual([
      '/assets/latin-400.woff2',
      '/assets/latin-700.woff2',
      '/assets/latin-ext-400.woff2',
      '/assets/arabic-700.woff2',
    ]);
    // A word elsewhere whose script has no bold face is left to load when found.
    const noBold = page('<p>Bonjour</p>').replace('<span lang="ar">العربية</span>', '<span>Łódź</span>');
    expect(asked(preloadFonts(noBold))).toEqual(['/assets/latin-400.woff2', '/assets/latin-700.woff2']);
  });

  it('ask for the language names\u2019 own cut instead of their script\u2019s bold face where it has all their letters', () => {
    const names = withAutonymFont(page('<h1>Bonjour</h1>'), {
      css: '@font-face{font-family:"Passerelle Autonyms";font-weight:700;src:url(/assets/autonyms-700-abc.woff2)format("woff2");unicode-range:U+627,U+628,U+629,U+639,U+631,U+644,U+64A}',
    });
    expect(asked(preloadFonts(names))).toEqual(['/assets/latin-400.woff2', '/assets/latin-700.woff2', '/assets/autonyms-700-abc.woff2']);
    // A cut that lacks one of their letters is not enough: the script's face, as before.
    const short = names.replace(',U+64A}', '}');
    expect(asked(preloadFonts(short))).toEqual(['/assets/latin-400.woff2', '/assets/latin-700.woff2', '/assets/arabic-700.woff2']);
  });

  it('a page without its main part, or whose letters no font has, stops the build', () => {
    expect(() => preloadFonts(`<html><head><style>${css}</style></head><body></body></html>`)).toThrow(/no <main>/);
    expect(() => preloadFonts(page('<p>日本</p>'))).toThrow(/no font/);
  });
});
