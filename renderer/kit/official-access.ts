// Whether a visitor alone can open a step's official site on this kiosk, and how: Electron's pane beside the guide,
// a second window of the kiosk browser (its supervisor allows only the allowlisted origins), or not at all.

/** How this kiosk can show an official site to a visitor alone, and for which origins. */
export interface OfficialOpening {
  readonly origins: readonly string[];
  readonly how: 'pane' | 'window';
}

export type OfficialAccess = 'pane' | 'window' | 'none';

/** `none` for an address off the allowlist, one that is not https, or a kiosk that opens no official site. */
export function officialAccess(url: string, official: OfficialOpening | undefined): OfficialAccess {
  if (!official) return 'none';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'none';
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return 'none';
  return official.origins.includes(parsed.origin) ? official.how : 'none';
}
