// Reads the public settings the host wrote into the page; null when it did not (then the renderer asks for them).
import { pageSettingsId } from '../../common/api/page-settings';
import type { PublicSettings } from '../../common/api/types';

export function readPageSettings(): PublicSettings | null {
  const text = document.getElementById(pageSettingsId)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as PublicSettings;
  } catch {
    return null;
  }
}
