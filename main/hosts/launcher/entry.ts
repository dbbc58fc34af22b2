// `dist/main/start.cjs`, what `npm start` and the systemd unit run: starts the launcher (`host.cjs`, built from
// start.ts) from V8's code cache of its previous start (main/hosts/common/code-cache.ts). Kept to Node's own modules,
// so that it starts in no time; the launcher's flags and its restarts (process.argv) are this file's. On a start
// made from the same inputs as the one before, the first stage answers the home page before the launcher is loaded
// (first-stage.ts).
import { join } from 'node:path';
import { codeCacheDir, codeCacheWriteAfterMs, runWithCodeCache } from '../common/code-cache';
import { firstPageFile, fittingFirstPage } from '../common/first-page';
import { startFirstStage } from './first-stage';
import { steadyYoungGeneration } from './v8-flags';

const cacheDir = codeCacheDir(process.env, __dirname);
const loadHost = () =>
  void runWithCodeCache(join(__dirname, 'host.cjs'), { cacheDir, writeAfterMs: codeCacheWriteAfterMs, flags: steadyYoungGeneration });
const kept = fittingFirstPage(firstPageFile(cacheDir), process.argv.slice(2));
if (kept) startFirstStage(kept, join(__dirname, '..', 'renderer'), loadHost);
else loadHost();
