// A part of the screen that replaces another (a journey's next step, question or panel) takes the keyboard focus, as
// a new screen would: the component hands this hook's ref to the element that should have it, no DOM query needed.
import { useCallback, useEffect, useRef } from 'react';

/** A ref for the one element that takes the focus; give it to a single element at a time. */
export type FocusTarget = (element: HTMLElement | null) => void;

/**
 * Focuses the element holding the returned ref each time `key` changes; not on the first render, where the page's
 * heading has the focus.
 */
export function useFocusOnChange(key: string): FocusTarget {
  const target = useRef<HTMLElement | null>(null);
  const shown = useRef(key);
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    target.current?.focus();
  }, [key]);
  return useCallback((element: HTMLElement | null) => {
    target.current = element;
  }, []);
}

/** Focuses the element holding the returned ref once, when it first appears. */
export function useFocusOnMount(): FocusTarget {
  return useCallback((element: HTMLElement | null) => element?.focus(), []);
}
