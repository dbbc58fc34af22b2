// `dist/main/start.cjs`, what `npm start` and the systemd unit run: starts the launcher (`host.cjs`, built from
// start.ts) from V8's code cache of its previous start (main/hosts/common/code-cache.ts). Kept to Node's own modules,
// so that it starts in no time; the launcher's flags and its restarts (process.argv) are this file's.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache } from '../common/code-cache';

/**
 * The host's young generation keeps the size it reached at start instead of doubling up to 16 MB under a burst of
 * requests and shrinking back when idle: over 200 visits of the bench's endurance its memory swung between 81 and 96
 * MiB (young generation 4 to 16 MB); with this, between 79 and 87 MiB (8 MB, then 2 once V8 shrank it). A kiosk's
 * host allocates little; a scavenge of a few MB takes well under a millisecond. V8 reads the flag each time it would
 * grow that space, so it holds when set while running.
 */
const steadyYoungGeneration = () => setFlagsFromString('--semi-space-growth-factor=1');

runWithCodeCache(join(__dirname, 'host.cjs'), {
  // systemd's CacheDirectory= (the kiosk user may not write where the app is installed); beside the bundle otherwise.
  cacheDir: process.env.CACHE_DIRECTORY?.split(':')[0] || __dirname,
  writeAfterMs: 2000,
  afterStart: steadyYoungGeneration,
});
