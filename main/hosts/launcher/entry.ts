// `dist/main/start.cjs`, what `npm start` and the systemd unit run: starts the launcher (`host.cjs`, built from
// start.ts) from V8's code cache of its previous start (main/hosts/common/code-cache.ts). Kept to Node's own modules,
// so that it starts in no time; the launcher's flags and its restarts (process.argv) are this file's.
import { join } from 'node:path';
import { codeCacheDir, codeCacheWriteAfterMs, runWithCodeCache } from '../common/code-cache';

/**
 * The host's young generation stops growing once the launcher's code has first run, instead of doubling up to 16 MB
 * under a burst of requests and shrinking back when idle: its memory followed that space rather than what the host
 * keeps. Over 500 visits of the bench's endurance it stayed at 4 MB (2 once V8 shrank it), where it reached 8 MB when
 * the flag came 2 s after the start; set before the launcher's first run it stays at 2 MB but the start takes 5 ms
 * more (Node compiles the built-in modules loaded then without its cache). A kiosk's host allocates little; a
 * scavenge of a few MB takes well under a millisecond. V8 reads the flag each time it would grow that space.
 */
const steadyYoungGeneration = { set: '--semi-space-growth-factor=1', defaults: '--semi-space-growth-factor=2' };

runWithCodeCache(join(__dirname, 'host.cjs'), {
  cacheDir: codeCacheDir(process.env, __dirname),
  writeAfterMs: codeCacheWriteAfterMs,
  flags: steadyYoungGeneration,
});
