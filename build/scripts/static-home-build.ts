// Writes the home screen rendered at build time, one page per language, beside the built index.html
// (renderer/screens/home/HomeStatic.tsx). Returns the project files the rendering read, for the build's staleness.
import { build as esbuild, transform } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { staticHomeFile, staticHomeStyleAttribute } from '../../common/api/static-home';
import type { Locale } from '../../common/api/types';
import { pictogramProblems } from '../content/pictogram-check';

export type RenderHomePages = (indexHtml: string, pictogramSvg: (id: string) => string | undefined) => Record<Locale, string>;

/** The renderer's static home, bundled for Node from the project at `root`, and the project files it read. */
export async function loadHomeRenderer(root: string): Promise<{ renderHomePages: RenderHomePages; inputs: string[] }> {
  // Bundled beside node_modules so that react and react-dom resolve from the project; removed once loaded.
  const bundle = join(root, 'dist', `static-home-render-${process.pid}-${Date.now()}.mjs`);
  const result = await esbuild({
    entryPoints: [join(root, 'renderer', 'screens', 'home', 'HomeStatic.tsx')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    external: ['react', 'react-dom'],
    outfile: bundle,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  try {
    const loaded = (await import(pathToFileURL(bundle).href)) as { renderHomePages: RenderHomePages };
    return { renderHomePages: loaded.renderHomePages, inputs: Object.keys(result.metafile.inputs) };
  } finally {
    rmSync(bundle, { force: true });
  }
}

/** The pictograms' markup, drawn inline in the page; a file with anything but drawing elements stops the build. */
export function readPictograms(root: string): Map<string, string> {
  const dir = join(root, 'content', 'pictograms');
  const pictograms = new Map<string, string>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.svg'))) {
    const svg = readFileSync(join(dir, name), 'utf8').trim();
    const problems = pictogramProblems(svg);
    if (problems.length > 0) throw new Error(`content/pictograms/${name} cannot be drawn inline: ${problems.join('; ')}`);
    pictograms.set(name.replace(/\.svg$/, ''), svg);
  }
  return pictograms;
}

/**
 * The page's style sheet written into it: its first paint no longer waits for a second request (about 20 ms on this
 * machine, measured against the same page with the sheet linked). The hosts allow that <style> by its hash
 * (main/hosts/common/csp.ts); the app's index.html, and so the app, keep the linked sheet. Its fonts' addresses are
 * absolute (/assets/…), so they resolve the same from the page. `ownCss`, the built page's own rules, follows in a
 * second <style> marked for the app to remove when it takes over (staticHomeStyleAttribute).
 */
export function inlineStyleSheet(page: string, rendererDist: string, ownCss = ''): string {
  const links = [...page.matchAll(/<link rel="stylesheet" crossorigin href="(\/assets\/[\w.-]+\.css)">/g)];
  if (links.length !== 1) throw new Error(`the built home page should link one style sheet, it links ${links.length}`);
  const [link, href = ''] = links[0] ?? [];
  const css = readFileSync(join(rendererDist, href), 'utf8');
  if (/<\/style/i.test(css)) throw new Error(`${href} holds "</style": it cannot be written into the page`);
  if (/url\((?!["']?\/)/.test(css)) throw new Error(`${href} has a relative url(): it would not resolve from the page`);
  if (/<\/style/i.test(ownCss)) throw new Error('the built page\'s own rules hold "</style": they cannot be written into the page');
  const own = ownCss === '' ? '' : `<style ${staticHomeStyleAttribute}>${ownCss}</style>`;
  return page.replace(link ?? '', () => `<style>${css}</style>${own}`);
}

/** The built page's own rules (renderer/styles/static-home.css), minified as the app's sheet is. */
export async function staticHomeCss(root: string): Promise<string> {
  const source = readFileSync(join(root, 'renderer', 'styles', 'static-home.css'), 'utf8');
  const { code } = await transform(source, { loader: 'css', minify: true, target: 'chrome120' });
  return code.trim();
}

/**
 * The app loader (renderer/public/app-loader.js) written into the page instead of asked for by it: one request fewer
 * before the first paint in a browser process that has made none yet, and `DOMContentLoaded` no longer waits for it
 * (measured: the page alone answered its first tap 3 to 10 ms sooner). At the end of the body, where `defer` ran it:
 * in the head, the parser stopped there to run it, and other work (a test's probe) came in before the rest of the
 * page was read and drawn. It only sets listeners, and starts the app after `load`. The hosts allow it by its hash
 * (main/hosts/common/csp.ts).
 */
export function inlineAppLoader(page: string, rendererDist: string): string {
  const tags = [...page.matchAll(/\s*<script src="\/app-loader\.js"((?: data-[\w-]+="[^"]*")*) defer><\/script>/g)];
  if (tags.length !== 1) throw new Error(`the built home page should ask for the app loader once, it does ${tags.length} times`);
  const [tag = '', data = ''] = tags[0] ?? [];
  const loader = readFileSync(join(rendererDist, 'app-loader.js'), 'utf8');
  if (/<\/script|<!--/i.test(loader)) throw new Error('app-loader.js holds "</script" or "<!--": it cannot be written into the page');
  const ends = page.split('</body>').length - 1;
  if (ends !== 1) throw new Error(`the built home page should end its body once, it does ${ends} times`);
  return page.replace(tag, '').replace('</body>', () => `<script${data}>${loader}</script></body>`);
}

interface FontFace {
  readonly family: string;
  readonly url: string;
  readonly weight: number;
  readonly ranges: readonly (readonly [number, number])[];
}

/** A face's `unicode-range` as code point ranges (`U+0600-06FF`, `U+131`, `U+6??`). */
function unicodeRanges(value: string): [number, number][] {
  return value.split(',').map((part): [number, number] => {
    const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
    if (to !== undefined) return [parseInt(from, 16), parseInt(to, 16)];
    return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'F'), 16)];
  });
}

/** The page's web fonts (woff2), each with the characters it has, read from the style sheet written into it. */
function fontFaces(page: string): FontFace[] {
  return [...page.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body = '']) => {
    const url = /url\(["']?(\/assets\/[\w.-]+\.woff2)["']?\)/.exec(body)?.[1];
    const range = /unicode-range:([^;}]+)/.exec(body)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400);
    const family = /font-family:\s*["']?([^;"'}]+)/.exec(body)?.[1]?.trim() ?? '';
    return url ? [{ family, url, weight, ranges: range ? unicodeRanges(range) : [[0, 0x10ffff] as const] }] : [];
  });
}

/** The letters (as code points) of a piece of the page, pictograms left out. */
const lettersOf = (html: string): number[] =>
  [
    ...new Set(
      html
        .replace(/<svg[\s\S]*?<\/svg>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .match(/\p{L}/gu) ?? [],
    ),
  ].map((letter) => letter.codePointAt(0) ?? 0);

const hasAny = (face: FontFace, codes: readonly number[]) =>
  codes.some((code) => face.ranges.some(([from, to]) => code >= from && code <= to));

/**
 * The fonts of the page's text asked for with the page instead of once its first layout finds them: the text is
 * drawn in its font from the first paint, instead of in a fallback that the font replaces a moment later, moving the
 * buttons under a finger that is about to tap (measured: the built page answered Playwright's tap 70 ms later for
 * that move). The faces are those of the letters of the page's main part (its language), in every weight; and for a
 * word elsewhere in another script (a language's own name in the top bar, drawn bold like every button there), its
 * bold face: found by the first layout, that word had the browser look through the machine's fonts for its letters
 * and draw the page again once its own font came.
 */
export function preloadFonts(page: string): string {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(page)?.[1];
  if (main === undefined) throw new Error('the built home page has no <main>: its fonts cannot be chosen');
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '';
  const faces = fontFaces(page);
  const used = faces.filter((face) => hasAny(face, lettersOf(main)));
  if (used.length === 0) throw new Error('no font of the built home page has the letters of its text');
  const elsewhere = lettersOf(body.replace(main, '')).filter((code) => !used.some((face) => hasAny(face, [code])));
  // The language names' own cut (autonymFontFace) where it has them all, else the faces of their script.
  const names =
    elsewhere.length === 0 ? [] : faces.filter((face) => face.family === autonymFamily && elsewhere.every((code) => hasAny(face, [code])));
  const bold =
    names.length > 0 ? names : faces.filter((face) => face.family !== autonymFamily && face.weight === 700 && hasAny(face, elsewhere));
  const links = [...used, ...bold]
    .map((face) => `<link rel="preload" href="${face.url}" as="font" type="font/woff2" crossorigin>`)
    .join('');
  return page.replace('<style>', () => `${links}<style>`);
}

/** The family of the top bar's language names written right to left, in their own cut of their script's font. */
export const autonymFamily = 'Passerelle Autonyms';

/** The letters of the language names written right to left in the pages' language switch (العربية). */
export function rightToLeftAutonyms(pages: readonly string[]): string {
  const names = pages.flatMap((page) => {
    const languageSwitch = /<div class="language-switch"[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
    return [...languageSwitch.matchAll(/<span lang="([\w-]+)" dir="rtl">([^<]+)<\/span>/g)].map(([, , name = '']) => name);
  });
  return [...new Set([...names.join('')].filter((letter) => /\p{L}|\p{M}/u.test(letter)))].sort().join('');
}

/**
 * The language names written right to left, drawn bold in the top bar of every page, get their own font: Noto Sans
 * Arabic bold cut down to their letters (3 kB instead of 50 kB), asked for with a French or English page instead of the
 * whole face, which such a page draws nothing else in (measured: its decoding took 8 to 12 ms of a 2-core machine
 * as the page loaded; the page alone answered its first tap about 12 ms sooner without it). Same glyphs, same
 * shaping: harfbuzz keeps what the joined letters need. The hosts serve it as the build's other files.
 */
export async function autonymFontFace(
  letters: string,
  sourceFont: string,
  rendererDist: string,
): Promise<{ readonly css: string; readonly file: string } | null> {
  if (letters === '') return null;
  const { default: subsetFont } = await import('subset-font');
  const cut = await subsetFont(readFileSync(sourceFont), letters, { targetFormat: 'woff2' });
  const file = `autonyms-700-${createHash('sha256').update(cut).digest('hex').slice(0, 8)}.woff2`;
  writeFileSync(join(rendererDist, 'assets', file), cut);
  const range = [...letters].map((letter) => `U+${(letter.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(',');
  const css =
    `@font-face{font-family:"${autonymFamily}";font-style:normal;font-display:swap;font-weight:700;` +
    `src:url(/assets/${file})format("woff2");unicode-range:${range}}` +
    `.language-switch [dir=rtl]{font-family:"${autonymFamily}",var(--font-body)}`;
  return { css, file };
}

/**
 * The language names' face and rule, at the end of the page's style sheet (written in by inlineStyleSheet), the one
 * the app keeps: the app's language switch shows those names too.
 */
export function withAutonymFont(page: string, face: { readonly css: string } | null): string {
  if (face === null) return page;
  const sheets = page.split('<style>');
  if (sheets.length !== 2) throw new Error('the built home page should hold one <style> of the app');
  const [before = '', sheet = ''] = sheets;
  return `${before}<style>${sheet.replace('</style>', () => `${face.css}</style>`)}`;
}

export async function buildStaticHome(root: string): Promise<string[]> {
  const rendererDist = join(root, 'dist', 'renderer');
  const { renderHomePages, inputs } = await loadHomeRenderer(root);
  const pictograms = readPictograms(root);
  const pages = renderHomePages(readFileSync(join(rendererDist, 'index.html'), 'utf8'), (id) => pictograms.get(id));
  const arabicBold = join(root, 'node_modules', '@fontsource', 'noto-sans-arabic', 'files', 'noto-sans-arabic-arabic-700-normal.woff2');
  const autonyms = await autonymFontFace(rightToLeftAutonyms(Object.values(pages)), arabicBold, rendererDist);
  const ownCss = await staticHomeCss(root);
  for (const [locale, page] of Object.entries(pages)) {
    writeFileSync(
      join(rendererDist, staticHomeFile(locale as Locale)),
      preloadFonts(inlineAppLoader(withAutonymFont(inlineStyleSheet(page, rendererDist, ownCss), autonyms), rendererDist)),
    );
  }
  return [...inputs, relative(root, arabicBold), 'renderer/styles/static-home.css'];
}
