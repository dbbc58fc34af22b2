// The content pack's answers this page has asked for (the needs' lists, topics, journeys), kept in memory so the
// screen a visitor taps next can show at once, without a round trip to the host after the tap. It holds only content
// from the signed pack, never what a visitor typed or chose; the page reloads at the end of every visit, which empties
// it. A failed answer is not kept: the next screen that needs it asks again.
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../common/api/contract';
import type { Result } from '../../common/api/result';
import type { ContentItem, Locale, NeedItems } from '../../common/api/types';
import type { Loaded } from './useApiResult';

/** One request to the host, shared by every screen that asks for the same answer. */
export interface CachedAnswer<T> {
  readonly answer: Promise<Result<T, string>>;
  /** Set once the host answered successfully: a screen then renders it in its first render. */
  settled?: Result<T, string>;
}

const caches = new WeakMap<ApiClient, Map<string, CachedAnswer<unknown>>>();

function cached<T>(api: ApiClient, key: string, call: () => Promise<Result<T, string>>): CachedAnswer<T> {
  let cache = caches.get(api);
  if (!cache) caches.set(api, (cache = new Map()));
  const found = cache.get(key) as CachedAnswer<T> | undefined;
  if (found) return found;
  const entry: CachedAnswer<T> = {
    answer: call().then((result) => {
      if (result.ok) entry.settled = result;
      else cache.delete(key);
      return result;
    }),
  };
  cache.set(key, entry);
  return entry;
}

/** The pack's items by need in a language (the need screens, the help screen's private pages). */
export const cachedNeeds = (api: ApiClient, locale: Locale): CachedAnswer<readonly NeedItems[]> =>
  cached(api, `needs:${locale}`, () => api['content.needs']({ locale }));

/** One topic or journey in a language. */
export const cachedItem = (api: ApiClient, locale: Locale, id: string): CachedAnswer<ContentItem> =>
  cached(api, `item:${locale}:${id}`, () => api['content.item']({ locale, id }));

/**
 * A screen's content answer: in the first render when it is already here, else once the host answers. `request` is a
 * `useCallback` over the call's inputs; while a new request runs (another language), the previous answer stays shown.
 */
export function useCachedContent<T>(request: () => CachedAnswer<T>): Loaded<T> {
  const entry = useMemo(() => request(), [request]);
  const [shown, setShown] = useState<Shown<T>>(() => ({ entry, result: entry.settled }));
  let now = shown;
  if (shown.entry !== entry) {
    now = { entry, result: entry.settled ?? shown.result };
    setShown(now);
  }
  // Only an answer this render did not have yet needs a second render (not one after every tap on a cached screen).
  const hadIt = entry.settled !== undefined;
  useEffect(() => {
    if (hadIt) return;
    let current = true;
    void entry.answer.then((result) => current && setShown({ entry, result }));
    return () => {
      current = false;
    };
  }, [entry, hadIt]);
  const result = entry.settled ?? now.result;
  if (!result) return { state: 'loading' };
  return result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error };
}

/** What a screen shows: the answer to its current request, or the previous one while it runs. */
interface Shown<T> {
  readonly entry: CachedAnswer<T>;
  readonly result: Result<T, string> | undefined;
}

/**
 * Asks for pages a screen lists once the page is idle: after the new screen has painted (starting nine requests
 * costs a few milliseconds of the main thread), still long before a visitor has read the list and chosen.
 */
export function usePrefetchItems(api: ApiClient, locale: Locale, ids: readonly string[]): void {
  useEffect(() => {
    if (ids.length === 0) return;
    const idle = requestIdleCallback(() => ids.forEach((id) => cachedItem(api, locale, id)), { timeout: 500 });
    return () => cancelIdleCallback(idle);
  }, [api, locale, ids]);
}

/**
 * Asks for the needs' lists in idle time once the visit starts, and again in another language. Returns the language
 * whose lists last arrived: the visit renders again then, and with it the need screens it draws ahead, hidden, which
 * cannot wait for the lists themselves (a hidden screen's effects do not run).
 */
export function usePrefetchNeeds(api: ApiClient, locale: Locale): Locale | null {
  const [here, setHere] = useState<Locale | null>(null);
  useEffect(() => {
    let current = true;
    const idle = requestIdleCallback(() => void cachedNeeds(api, locale).answer.then((result) => current && result.ok && setHere(locale)), {
      timeout: 500,
    });
    return () => {
      current = false;
      cancelIdleCallback(idle);
    };
  }, [api, locale]);
  return here;
}

/**
 * Once the needs' lists are here (`here`, from usePrefetchNeeds), asks for every page they list, one need at a time in
 * idle time, in the home screen's order: a page tapped as soon as its need screen shows then opens in the tap's own
 * task, where the need screen's own prefetch (usePrefetchItems) would still be under way. Each request's answer costs
 * the page a millisecond or two, spread over idle time; pages already asked for are not asked again.
 */
export function usePrefetchListedItems(api: ApiClient, here: Locale | null, needs: readonly string[]): void {
  useEffect(() => {
    if (here === null) return;
    const lists = cachedNeeds(api, here).settled;
    if (!lists?.ok) return;
    const byNeed = needs.map((need) => lists.value.find((list) => list.need === need)?.items ?? []);
    let idle = 0;
    const next = (index: number) => {
      if (index >= byNeed.length) return;
      idle = requestIdleCallback(
        () => {
          byNeed[index]?.forEach((item) => cachedItem(api, here, item.id));
          next(index + 1);
        },
        { timeout: 2000 },
      );
    };
    next(0);
    return () => cancelIdleCallback(idle);
  }, [api, here, needs]);
}
