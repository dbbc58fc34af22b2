// A host stopped while one of its programs runs (the kiosk voice's probe of eSpeak NG, slow on a busy machine) leaves
// no process behind: the programs it started end with it. Seen in the bench once the services opened after the page:
// a host stopped right after its first page left its probe running.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { canFindTagged, processesTagged } from '../../build/scripts/tagged-processes';
import { hostTagVariable, startHost, stopHost } from './host-process';

test('a host stopped while its speech program runs leaves no process behind', async () => {
  test.skip(!canFindTagged(), 'this system gives no way to list processes by their environment (/proc)');
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-children-'));
  const started = join(dir, 'started');
  const slowSpeech = join(dir, 'slow-espeak.sh');
  writeFileSync(slowSpeech, `#!/bin/sh\ntouch '${started}'\nexec sleep 30\n`);
  chmodSync(slowSpeech, 0o755);
  const before = process.env.PASSERELLE_ESPEAK;
  process.env.PASSERELLE_ESPEAK = slowSpeech;
  const host = await startHost(join(dir, 'data'));
  if (before === undefined) delete process.env.PASSERELLE_ESPEAK;
  else process.env.PASSERELLE_ESPEAK = before;
  try {
    // The health check opens the services, whose voice probe starts the (slow) program.
    await fetch(`${host.url}api/health`);
    await expect.poll(() => existsSync(started), { timeout: 10_000 }).toBe(true);
    expect(processesTagged(hostTagVariable, host.tag).length).toBeGreaterThan(0);
    const exited = new Promise((resolve) => host.process.once('exit', resolve));
    host.process.kill('SIGTERM');
    await exited;
    await expect.poll(() => processesTagged(hostTagVariable, host.tag).length, { timeout: 2000 }).toBe(0);
  } finally {
    await stopHost(host);
  }
});
