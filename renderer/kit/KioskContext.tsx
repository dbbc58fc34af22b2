// What every screen may use: the API client and the visit's language. Visitor data is never put here.
import { createContext, useContext } from 'react';
import type { ApiClient } from '../../common/api/contract';
import type { Locale } from '../../common/api/types';

export interface KioskContextValue {
  readonly api: ApiClient;
  readonly locale: Locale;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside KioskContext');
  return value;
}
