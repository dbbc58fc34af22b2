// `npm start`: builds what is stale, then runs the kiosk launcher with the given flags.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale } from './build';

await buildIfStale();
const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'dist', 'main', 'start.cjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
