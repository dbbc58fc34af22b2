// Starts the real web host (the built app) on a free port with its own temporary data folder.
import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, stopHost, type RunningHost } from './host-process';

export { startHost, stopHost, type RunningHost };

export const test = base.extend<object, { host: RunningHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
      const host = await startHost(dataDir);
      await use(host);
      await stopHost(host);
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
