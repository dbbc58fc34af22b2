// How many silent prints one visit may make: the kiosk prints without a dialog, so a visitor pressing "print" in a
// loop would empty the paper tray. The count starts again with each visit.
export const printsPerVisit = 5;

export function createPrintBudget(limit: number = printsPerVisit) {
  let used = 0;
  return {
    /** True when one more print is allowed in this visit (and counts it). */
    take(): boolean {
      if (used >= limit) return false;
      used += 1;
      return true;
    },
    /** A print that did not happen after all (a host that cannot print): it does not count. */
    giveBack(): void {
      used = Math.max(0, used - 1);
    },
    /** A new visit. */
    reset(): void {
      used = 0;
    },
  };
}
