// The renderer's admin wrapper over the real dispatch and sessions: it puts the token in, and only a "session over"
// answer reaches the area's expiry; other errors go back to the caller as they came.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../common/api/contract';
import { buildContentPack } from '../../build/scripts/content-build';
import { createDispatch } from '../../main/app/dispatch';
import { createMemoryLogger } from '../../main/core/log';
import { createContentService } from '../../main/content/content';
import { openStateDb } from '../../main/state/state-db';
import { createAdminService } from '../../main/staff/admin';
import { adminCalls, contentCalls } from '../../main/app/wire';
import { createSessions } from '../../main/staff/sessions';
import { createSetupCode } from '../../main/staff/setup-code';
import { staffApi } from '../../renderer/kit/staff-api';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

describe('the admin API wrapper', () => {
  it('sends the session token, and sends expiry (and only expiry) to one place', async () => {
    const dir = tempDir();
    const log = createMemoryLogger();
    const { db } = openStateDb(join(dir, 'state.db'), log);
    buildContentPack(join(import.meta.dirname, '..', 'fixtures', 'content-mini'), join(dir, 'pack'));
    const content = createContentService({ dataDir: dir, bundledPackDir: join(dir, 'pack'), trust: { publicKeyPem: null }, log });
    const clock = { now: 1_000_000 };
    const sessions = createSessions({ now: () => clock.now, idleMs: { admin: 60_000 } });
    const setupCode = createSetupCode(dir, log);
    const admin = createAdminService({ db, content, log, setupCode, now: () => clock.now, sessions });
    const dispatch = createDispatch({ ...contentCalls(content), ...adminCalls(admin) } as never, log, sessions);
    const api = new Proxy({} as ApiClient, { get: (_t, method: string) => (input: unknown) => dispatch(method, input) });
    try {
      const setup = await api['admin.setup']({
        passphrase: 'la borne de la médiathèque',
        code: readFileSync(setupCode.file, 'utf8').trim(),
      });
      if (!setup.ok) throw new Error(setup.error);
      const onExpired = vi.fn();
      const calls = staffApi(api, 'admin', setup.value.token, onExpired);

      const report = await calls['admin.readability']({ locale: 'fr' });
      expect(report.ok).toBe(true);
      const refused = await calls['admin.readability']({ locale: 'xx' as 'fr' });
      expect(refused).toEqual({ ok: false, error: 'api.invalidInput', field: 'locale' });
      expect(onExpired).not.toHaveBeenCalled();

      clock.now += 61_000;
      expect(await calls['admin.readability']({ locale: 'fr' })).toEqual({ ok: false, error: 'admin.unauthorised' });
      expect(onExpired).toHaveBeenCalledTimes(1);
      // Without the wrapper, the same call without a token is refused the same way: the wrapper is what sends it.
      expect(await api['admin.readability']({ locale: 'fr' } as never)).toEqual({ ok: false, error: 'admin.unauthorised' });
    } finally {
      content.close();
      db.close();
    }
  });
});
