// Where the hidden staff gesture is made: pure, so it is tested without a browser.

export const staffGesture = { taps: 5, withinMs: 3000, cornerPx: 96 } as const;

/** True for a tap in the top corner where reading starts (top left, or top right in a right-to-left page). */
export function inStartCorner(x: number, y: number, width: number, rtl: boolean): boolean {
  const fromStart = rtl ? width - x : x;
  return fromStart <= staffGesture.cornerPx && y <= staffGesture.cornerPx;
}
