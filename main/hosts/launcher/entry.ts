// `dist/main/start.cjs`, what `npm start` and the systemd unit run: starts the launcher (`host.cjs`, built from
// start.ts) from V8's code cache of its previous start (main/hosts/common/code-cache.ts). Kept to Node's own modules,
// so that it starts in no time; the launcher's flags and its restarts (process.argv) are this file's.
import { join } from 'node:path';
import { codeCacheDir, codeCacheWriteAfterMs, runWithCodeCache } from '../common/code-cache';
import { steadyYoungGeneration } from './v8-flags';

runWithCodeCache(join(__dirname, 'host.cjs'), {
  cacheDir: codeCacheDir(process.env, __dirname),
  writeAfterMs: codeCacheWriteAfterMs,
  flags: steadyYoungGeneration,
});
