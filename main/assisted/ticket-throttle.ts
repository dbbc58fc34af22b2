// Slows down guessing of resume-ticket codes: a mediator session that tries a few unknown codes in a row is ended
// (the mediator unlocks again, behind the PIN lock), and the whole kiosk answers "too many" for a while after many
// unknown codes from any session. Held in memory, like the sessions it counts.

import { systemClock, type Clock } from '../core/clock';

export const ticketThrottlePolicy = { perSession: 5, kioskFailures: 20, kioskWindowMs: 15 * 60_000 } as const;

export function createTicketThrottle(now: Clock = systemClock) {
  const bySession = new Map<string, number>();
  let recent: number[] = [];
  return {
    /** False while the kiosk as a whole has seen too many unknown codes lately. */
    open(): boolean {
      recent = recent.filter((at) => now() - at < ticketThrottlePolicy.kioskWindowMs);
      return recent.length < ticketThrottlePolicy.kioskFailures;
    },
    /** An unknown code: true when this session has tried too many and must end. */
    failed(token: string): boolean {
      recent.push(now());
      const failures = (bySession.get(token) ?? 0) + 1;
      bySession.set(token, failures);
      return failures >= ticketThrottlePolicy.perSession;
    },
    succeeded(token: string): void {
      bySession.delete(token);
    },
    forget(token: string): void {
      bySession.delete(token);
    },
  };
}
