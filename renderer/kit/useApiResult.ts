// Loads one API result for a screen, again whenever its loader changes (a `useCallback` over the call's inputs, so the
// hooks lint checks them where the call is written); the stale answer of an older request is dropped.
import { useEffect, useState } from 'react';
import type { Result } from '../../common/api/result';

export type Loaded<T> =
  { readonly state: 'loading' } | { readonly state: 'ok'; readonly value: T } | { readonly state: 'error'; readonly error: string };

export function useApiResult<T>(load: () => Promise<Result<T, string>>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current) setLoaded(result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [load]);
  return loaded;
}
