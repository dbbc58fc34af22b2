// Resolves a request path to a file of the built renderer, refusing anything outside that folder.
import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  readonly file: string;
  readonly contentType: string;
  /** Built assets carry a content hash in their name and never change. */
  readonly immutable: boolean;
}

/** Maps a URL path (already stripped of its query) to a file under `root`, or null. */
export function resolveStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootResolved = resolve(root);
  const file = resolve(rootResolved, relative);
  if (!file.startsWith(rootResolved + sep)) return null;
  const contentType = types[extname(file).toLowerCase()];
  if (!contentType) return null;
  return { file, contentType, immutable: relative.startsWith('assets/') };
}

/** How long a browser may keep a file of the renderer: a built asset for ever, anything else asked again each time. */
export const fileCacheControl = (file: StaticFile): string => (file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');

/** A file's size and date: what tells a file read before from the same file rewritten since. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

/** The file's size and date, or null when it is not a file. */
export function fileStamp(file: string): FileStamp | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : null;
  } catch {
    return null;
  }
}

export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * The file a GET of `path` serves: a built asset or a file of the renderer's folder (a name with a dot) as asked;
 * any other path is a page of the app, which keeps its screens in memory, so every page path serves the home page.
 * The services' opening tells the page from its files by the same rule.
 */
export function servedFile(path: string): string {
  return path.startsWith('/assets/') || path.includes('.') ? path : '/';
}
