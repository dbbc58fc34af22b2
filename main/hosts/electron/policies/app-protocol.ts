// Maps app://kiosk/… addresses to files of the built renderer, never outside it.
import { resolveStaticFile, type StaticFile } from '../../common/renderer-files';
import { isAppUrl } from './navigation';

export function resolveAppRequest(url: string, rendererDir: string): StaticFile | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  return resolveStaticFile(rendererDir, pathname.includes('.') ? pathname : '/');
}
