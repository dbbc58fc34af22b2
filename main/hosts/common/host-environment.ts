// What the web host's process must find in its environment when it starts, given by whatever starts it: the systemd
// unit, the launcher when it starts a fresh copy of itself after an error, and the tests and the bench.

/**
 * glibc gives each thread that allocates while another holds the main arena an arena of its own (up to eight a core),
 * and each arena keeps what it once held. The host's threads (libuv's pool, V8's helpers) warmed up new arenas for its
 * first few hundred visits: in the bench's endurance its memory after garbage collection grew 5 MB (+6.8 %) between
 * visit 50 and 250, then stayed. With two arenas it grew 1 MB (+1.4 %) and stayed 7 MB lower throughout.
 * glibc reads the variable at the process's first allocation, before any line of the host runs: the host cannot set
 * it for itself. Other C libraries (musl) ignore it.
 */
export const hostProcessEnvironment: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
