// The V8 flags the web host's entry (entry.ts) sets once the launcher's code has first run.

/**
 * The host's young generation stops growing once the launcher's code has first run, instead of doubling up to 16 MB
 * under a burst of requests and shrinking back when idle: its memory followed that space rather than what the host
 * keeps. Over 500 visits of the bench's endurance it stayed at 4 MB (2 once V8 shrank it), where it reached 8 MB when
 * the flag came 2 s after the start; set before the launcher's first run it stays at 2 MB but the start takes 5 ms
 * more (Node compiles the built-in modules loaded then without its cache). A kiosk's host allocates little; a
 * scavenge of a few MB takes well under a millisecond. V8 reads the flag each time it would grow that space.
 * `defaults` is V8's own value, which V8 gives no way to read: the code cache is written under it, and the unit tests
 * start a host without any flag from that cache (were the default to change, every start would compile again).
 */
export const steadyYoungGeneration = { set: '--semi-space-growth-factor=1', defaults: '--semi-space-growth-factor=2' };
