// A fresh temporary folder per test, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export function useTempDir(): () => string {
  let dirs: string[] = [];
  afterEach(() => {
    // A host the test started may still write there for a moment after it was asked to stop.
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    dirs = [];
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-unit-'));
    dirs.push(dir);
    return dir;
  };
}
