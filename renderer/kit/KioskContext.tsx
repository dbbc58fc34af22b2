// What every screen may use: the API client, the visit's language and the site's official domains. Visitor data is never put here.
import { createContext, useContext } from 'react';
import type { ApiClient } from '../../common/api/contract';
import type { HostCapabilities, Locale } from '../../common/api/types';
import type { OfficialOpening } from './official-access';

export interface KioskContextValue {
  readonly api: ApiClient;
  readonly locale: Locale;
  /** Domains the site adds to the built-in official list: an address elsewhere gets no label and no QR code. */
  readonly officialDomains: readonly string[];
  /** What the host can do (print silently, open an official pane, close the app). */
  readonly capabilities: HostCapabilities;
  /** How this kiosk can show an official site to a visitor alone (a pane, a second window, or not at all). */
  readonly official?: OfficialOpening;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside KioskContext');
  return value;
}
