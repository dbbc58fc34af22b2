// The kiosk's one notion of time: milliseconds since the epoch, read from the system, or set by a test.
export type Clock = () => number;

// Read at each call, not captured once: a test that sets the system time (fake timers) moves this clock too.
export const systemClock: Clock = () => Date.now();

/** The clock's time as an ISO 8601 text (UTC), as the state DB stores it. */
export const isoNow = (clock: Clock): string => new Date(clock()).toISOString();
