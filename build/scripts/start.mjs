// `npm start`: builds what is stale in a child process (the bundlers and TypeScript loader exit with it), then runs
// the kiosk launcher in this same, light process with the given flags: nothing of the build stays in memory beside
// the kiosk (it once kept about 500 MB for nothing).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';

const root = join(import.meta.dirname, '..', '..');
const built = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'build', 'scripts', 'build.ts')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const launcher = join(root, 'dist', 'main', 'start.cjs');
// The launcher reads its flags from process.argv and restarts itself from it: it must look as if node ran it.
process.argv = [process.argv[0], launcher, ...process.argv.slice(2)];
createRequire(import.meta.url)(launcher);
