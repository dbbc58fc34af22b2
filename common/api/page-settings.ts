// The public settings a host writes into the page it serves, so the renderer starts without asking for them.
import type { PublicSettings } from './types';

/** The id of the `<script type="application/json">` element that carries them (never run: no script for the CSP). */
export const pageSettingsId = 'passerelle-settings';

/** The page with the settings written at the end of its head; `<` escaped so no text can close the element. */
export function withPageSettings(html: string, settings: PublicSettings): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  const element = `<script type="application/json" id="${pageSettingsId}">${json}</script>`;
  const at = html.indexOf('</head>');
  return at < 0 ? `${element}${html}` : `${html.slice(0, at)}${element}${html.slice(at)}`;
}
