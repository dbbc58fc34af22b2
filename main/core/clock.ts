// The kiosk's one notion of time: milliseconds since the epoch, read from the system, or set by a test.
export type Clock = () => number;

export const systemClock: Clock = Date.now;

/** The clock's time as an ISO 8601 text (UTC), as the state DB stores it. */
export const isoNow = (clock: Clock): string => new Date(clock()).toISOString();
