// `dist/main/start.cjs`, what `npm start` and the systemd unit run: starts the launcher (`host.cjs`, built from
// start.ts) from V8's code cache of its previous start (main/hosts/common/code-cache.ts). Kept to Node's own modules,
// so that it starts in no time; the launcher's flags and its restarts (process.argv) are this file's.
import { join } from 'node:path';
import { runWithCodeCache } from '../common/code-cache';

runWithCodeCache(join(__dirname, 'host.cjs'), {
  // systemd's CacheDirectory= (the kiosk user may not write where the app is installed); beside the bundle otherwise.
  cacheDir: process.env.CACHE_DIRECTORY?.split(':')[0] || __dirname,
  writeAfterMs: 2000,
});
