// The home screen rendered at build time (renderer/screens/home/HomeStatic.tsx): its file per language, and how a
// host fills in the few site settings it shows (the site's name, the languages offered, the mediator's button).
import { withPageSettings } from './page-settings';
import type { Locale, PublicSettings } from './types';

export type StaticSlot = 'tagline' | 'site-name' | 'languages' | `language-${Locale}` | 'mediator';

/** The file, beside index.html, that holds the home screen in one language. */
export const staticHomeFile = (locale: Locale): string => `home.${locale}.html`;

/**
 * Marks the built page's own <style> (renderer/styles/static-home.css): its links, radios and native dialogs, which
 * the app does not have. The app removes that sheet when it takes over the page.
 */
export const staticHomeStyleAttribute = 'data-static-home-style';

/** The app's own name in the built page: a site without a name of its own shows the tagline instead. */
const appName = 'Passerelle Santé';

export const staticSlot = {
  open: (name: string) => `<!--slot:${name}-->`,
  close: (name: string) => `<!--/slot:${name}-->`,
  /** Stands for the site's name in the built page. */
  siteNameToken: '{{siteName}}',
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Removes a slot with what it holds, or only its marks (`keep`). */
function resolveSlot(html: string, name: StaticSlot, keep: boolean): string {
  const open = staticSlot.open(name);
  const close = staticSlot.close(name);
  const start = html.indexOf(open);
  const end = html.indexOf(close, start);
  if (start < 0 || end < 0) return html;
  const inner = html.slice(start + open.length, end);
  return html.slice(0, start) + (keep ? inner : '') + html.slice(end + close.length);
}

/**
 * The built home page for this site: its name, its languages in its order (none shown when only one), the mediator's
 * button where assisted mode is on, and the settings written in for the renderer.
 */
export function fillStaticHome(html: string, settings: PublicSettings): string {
  let page = html;
  // The languages in the site's order: each one's part is taken out, then put back in that order.
  const parts = new Map<Locale, string>();
  for (const code of ['fr', 'en', 'ar'] as const) {
    const open = staticSlot.open(`language-${code}`);
    const start = page.indexOf(open);
    const end = page.indexOf(staticSlot.close(`language-${code}`), start);
    if (start < 0 || end < 0) continue;
    parts.set(code, page.slice(start + open.length, end));
    page = resolveSlot(page, `language-${code}`, false);
  }
  const offered = settings.locales.map((code) => parts.get(code) ?? '').join('');
  const groupEnd = page.indexOf('</div>', page.indexOf(staticSlot.open('languages')));
  if (groupEnd >= 0) page = page.slice(0, groupEnd) + offered + page.slice(groupEnd);
  page = resolveSlot(page, 'languages', settings.locales.length >= 2);
  const ownName = settings.siteName !== appName;
  page = resolveSlot(page, 'tagline', !ownName);
  page = resolveSlot(page, 'site-name', ownName).replace(staticSlot.siteNameToken, escapeHtml(settings.siteName));
  page = resolveSlot(page, 'mediator', settings.assistedMode);
  return withPageSettings(page, settings);
}
