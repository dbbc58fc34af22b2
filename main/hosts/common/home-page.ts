// The page both hosts answer the app's address with: the home screen built at build time in the site's language,
// filled in with the site's settings (name, languages, mediator's button, the settings the renderer reads), so it is
// painted and tappable before any script runs; or, without a built home page, index.html with the settings written in.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withPageSettings } from '../../../common/api/page-settings';
import { fillStaticHome, staticHomeFile } from '../../../common/api/static-home';
import type { PublicSettings } from '../../../common/api/types';

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The page's HTML for this site, or null when the renderer folder has no index.html. */
export function homePageHtml(rendererDir: string, settings: PublicSettings): string | null {
  const home = join(rendererDir, staticHomeFile(settings.defaultLocale));
  if (isFile(home)) return fillStaticHome(readFileSync(home, 'utf8'), settings);
  const index = join(rendererDir, 'index.html');
  return isFile(index) ? withPageSettings(readFileSync(index, 'utf8'), settings) : null;
}
