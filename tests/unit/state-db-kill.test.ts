// Power loss: a writer process is killed with SIGKILL in the middle of its writes. The state DB must reopen
// with integrity_check ok and every row whose commit the writer had reported must be there.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../main/state/state-db';
import { createMemoryLogger } from '../../main/core/log';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const root = join(import.meta.dirname, '..', '..');

/** Runs the writer until it has reported `atLeast` commits, then kills it; resolves with the reported ids. */
function writeThenKill(file: string, atLeast: number): Promise<number[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './build/scripts/sql-text-loader.mjs', 'tests/unit/helpers/db-writer.ts', file],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!killed && output.split('\n').length > atLeast) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped by itself (${code}): ${errors}`));
      // The last line may be cut in the middle: only whole lines are reported commits.
      resolve(output.split('\n').slice(0, -1).map(Number));
    });
  });
}

describe('state DB and power loss', () => {
  it('keeps every committed row and its integrity when the writer is killed mid-write, three times over', async () => {
    const file = join(tempDir(), 'state.db');
    let reported: number[] = [];
    for (let round = 0; round < 3; round++) reported = [...reported, ...(await writeThenKill(file, 300 + round * 100))];
    expect(reported.length).toBeGreaterThanOrEqual(900);

    const log = createMemoryLogger();
    const { db, status } = openStateDb(file, log);
    expect(status.status).toBe('ok');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = new Set(db.prepare<[], number>("SELECT id FROM kiosk_event WHERE kind = 'test.write'").pluck().all());
    expect(reported.filter((id) => !present.has(id))).toEqual([]);
    db.close();
  }, 60_000);
});
