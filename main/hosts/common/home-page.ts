// The page both hosts answer the app's address with: the home screen built at build time in the site's language,
// filled in with the site's settings (name, languages, mediator's button, the settings the renderer reads), so it is
// painted and tappable before any script runs; or, without a built home page, index.html with the settings written in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPageSettings } from '../../../common/api/page-settings';
import { fillStaticHome, staticHomeFile } from '../../../common/api/static-home';
import type { PublicSettings } from '../../../common/api/types';
import { fileStamp, sameStamp, type FileStamp } from './renderer-files';

/**
 * Pages already filled, per settings object (a settings change makes a new one) and file: the page is asked for at
 * every start and every end of a visit, and only a rebuild (another date or size) changes it.
 */
const filled = new WeakMap<PublicSettings, Map<string, { readonly stamp: FileStamp; readonly html: string }>>();

function fillOnce(file: string, settings: PublicSettings, fill: (html: string) => string): string | null {
  const current = fileStamp(file);
  if (current === null) return null;
  let pages = filled.get(settings);
  if (!pages) filled.set(settings, (pages = new Map()));
  const kept = pages.get(file);
  if (kept && sameStamp(kept.stamp, current)) return kept.html;
  const html = fill(readFileSync(file, 'utf8'));
  pages.set(file, { stamp: current, html });
  return html;
}

/** The page's HTML for this site, or null when the renderer folder has no index.html. */
export function homePageHtml(rendererDir: string, settings: PublicSettings): string | null {
  return (
    fillOnce(join(rendererDir, staticHomeFile(settings.defaultLocale)), settings, (html) => fillStaticHome(html, settings)) ??
    fillOnce(join(rendererDir, 'index.html'), settings, (html) => withPageSettings(html, settings))
  );
}
