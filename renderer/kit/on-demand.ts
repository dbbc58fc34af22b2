// A component whose code is fetched on demand, outside the first screen's script: rendered at once when its code
// was prefetched (the app prefetches in idle time once it has taken over), behind the nearest Suspense before.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface OnDemand<P extends object> {
  readonly Component: ComponentType<P>;
  /** Fetches the code now; every call after the first returns the same promise. */
  readonly prefetch: () => Promise<unknown>;
}

export function onDemand<P extends object>(name: string, load: () => Promise<ComponentType<P>>): OnDemand<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const prefetch = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch is tried again by the next render or prefetch.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => prefetch().then((component) => ({ default: component })));
  function Component(props: P) {
    // Chosen once per instance: a screen that started behind Suspense keeps its state when the code arrives.
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Shown, props);
  }
  Component.displayName = name;
  return { Component, prefetch };
}

/** A loader that also waits for `needed` (the texts the component reads), so that it never shows before they are here. */
export const along =
  <T>(needed: () => Promise<unknown>, load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), needed()]).then(([loaded]) => loaded);
