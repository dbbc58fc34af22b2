// Starts the real web host (the built app) on a free port with its own temporary data folder.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

export { expect };

/**
 * Taps `control`, which ends the visit, and waits for the page the wipe reloads to. The page being left shows the next
 * visitor's home page before it reloads (renderer/kit/clean-home.ts): a home screen on view does not yet mean the new
 * page is there, and what is read or done on the page meanwhile is lost with it.
 */
export async function endVisitWith(page: Page, control: Locator): Promise<void> {
  const reloaded = page.waitForEvent('load');
  await control.click();
  await reloaded;
}

/** The app has taken over the page: its own marker, set once its first render is committed (never in the served page). */
export const appRunning = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-ready', 'true');

/**
 * A host of its own for one spec file, started before its tests and removed after them: for specs that change the
 * host's state (a passphrase, mediators) or start it with a site configuration. `args` may write files into the data
 * folder and returns the extra command-line flags.
 */
export function useOwnHost(prefix: string, args: (dataDir: string) => readonly string[] = () => []): () => RunningHost {
  let host: RunningHost | undefined;
  test.beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), prefix));
    host = await startHost(dataDir, args(dataDir));
  });
  test.afterAll(async () => {
    if (!host) return;
    await stopHost(host);
    rmSync(host.dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!host) throw new Error('the host of this spec has not started');
    return host;
  };
}

/** The one-time setup code the host wrote in its data folder, as the site's IT person reads it there. */
export function setupCodeOf(host: Pick<RunningHost, 'dataDir'>): string {
  return readFileSync(join(host.dataDir, 'admin-setup-code.txt'), 'utf8').trim();
}
