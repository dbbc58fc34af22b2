// The Content-Security-Policy of every app page, in Electron (app://) and in the web host alike.
import { createHash } from 'node:crypto';

/**
 * The only inline <style> elements the app may hold: the ones its libraries insert, allowed by their SHA-256 and
 * nothing else ('unsafe-inline' stays out). react-aria's usePress adds this one to every page with a pressable element
 * (it keeps double-tap zoom from delaying presses). tests/e2e/csp.spec.ts walks the visitor screens in Chromium and
 * fails on any violation, so a library update that changes the text is caught.
 */
export const allowedInlineStyles: readonly string[] = [
  '@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}',
];

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const styleHashes = allowedInlineStyles.map(sha256);

/**
 * The hashes of the <style> elements written into a page the app serves (the built home page carries its style
 * sheet, build/scripts/static-home-build.ts): the page and its policy come from the same built file.
 */
export function pageStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => sha256(match[1] ?? ''));
}

/**
 * The hashes of the <script> elements written into a page the app serves, those without a `src` (the built home page
 * carries its app loader, build/scripts/static-home-build.ts).
 */
export function pageScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((match) => !/\ssrc=/.test(match[1] ?? ''))
    .map((match) => sha256(match[2] ?? ''));
}

/**
 * The policy; `pageStyles` and `pageScripts` are the hashes of the served page's own <style> and <script> elements
 * (pageStyleHashes, pageScriptHashes): allowed for that page only, 'unsafe-inline' never.
 */
export function contentSecurityPolicy(pageStyles: readonly string[] = [], pageScripts: readonly string[] = []): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...pageScripts].join(' '),
    `style-src 'self' ${[...styleHashes, ...pageStyles].join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The policy of a page the app serves, with its own <style> and <script> elements allowed by their hashes. */
export const pagePolicy = (html: string): string => contentSecurityPolicy(pageStyleHashes(html), pageScriptHashes(html));
