// The renderer's admin and mediator wrappers over the real dispatch and sessions: they put the token in, and only a
// "session over" answer reaches the one place that handles expiry; other errors go back to the caller as they came.
import { randomBytes } from 'node:crypto';
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
import { adminCalls, assistedCalls, contentCalls, mediatorCalls } from '../../main/app/wire';
import { createSessions } from '../../main/staff/sessions';
import { createSetupCode } from '../../main/staff/setup-code';
import { staffApi } from '../../renderer/kit/staff-api';
import { openMediatorSession } from '../../renderer/assisted/mediator-session';
import { createJournal } from '../../main/journal/journal';
import { createMediatorService } from '../../main/staff/mediators';
import { createAssistedService } from '../../main/assisted/accompaniments';
import { createTickets } from '../../main/assisted/tickets';
import { journeyShapes } from '../../main/assisted/journey-shapes';
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

describe('the mediator API wrapper', () => {
  it('holds the token itself, and sends an ended session (and only that) to one place', async () => {
    const dir = tempDir();
    const log = createMemoryLogger();
    const { db } = openStateDb(join(dir, 'state.db'), log);
    buildContentPack(join(import.meta.dirname, '..', 'fixtures', 'content-mini'), join(dir, 'pack'));
    const content = createContentService({ dataDir: dir, bundledPackDir: join(dir, 'pack'), trust: { publicKeyPem: null }, log });
    const clock = { now: 1_000_000 };
    const sessions = createSessions({ now: () => clock.now, idleMs: { mediator: 60_000 } });
    const journal = createJournal(db);
    const mediators = createMediatorService({ db, journal, log, sessions, now: () => clock.now });
    const tickets = createTickets(db, randomBytes(32), journeyShapes(content));
    const assisted = createAssistedService({ journal, tickets, content, endSession: mediators.end });
    const dispatch = createDispatch(
      { ...contentCalls(content), ...mediatorCalls(mediators), ...assistedCalls(assisted) } as never,
      log,
      sessions,
    );
    const api = new Proxy({} as ApiClient, { get: (_t, method: string) => (input: unknown) => dispatch(method, input) });
    try {
      const admin = sessions.open({ kind: 'admin' });
      await api['admin.mediatorCreate']({ token: admin, displayName: 'Sophie', role: 'volunteer', pin: '246810' });
      const unlocked = await api['mediator.unlock']({ id: 1, pin: '246810' });
      if (!unlocked.ok || unlocked.value.outcome !== 'ok') throw new Error('unlock refused');
      const onExpired = vi.fn();
      const mediator = openMediatorSession(api, unlocked.value, onExpired);
      // What the assisted screens hold has no token to pass by hand.
      expect(Object.keys(mediator).sort()).toEqual(['api', 'displayName', 'role']);

      const started = await mediator.api['assisted.start']({ journey: 'activer-le-compte' });
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      const { accompaniment } = started.value;
      expect(await mediator.api['assisted.record']({ accompaniment, event: 'consent.given' })).toEqual({
        ok: true,
        value: { recorded: true },
      });
      // A refusal that is not the session's end goes back to the caller only.
      expect(await mediator.api['assisted.ticketUse']({ code: 'PAS-UN-CODE' })).toMatchObject({ ok: false });
      expect(
        await mediator.api['assisted.record']({ accompaniment, event: 'step', step: 'nulle-part', outcome: 'done', by: 'visitor' }),
      ).toMatchObject({
        ok: false,
      });
      expect(onExpired).not.toHaveBeenCalled();

      clock.now += 61_000;
      expect(await mediator.api['mediator.keepAlive']({})).toEqual({ ok: false, error: 'mediator.locked' });
      expect(onExpired).toHaveBeenCalledTimes(1);
      expect(await mediator.api['assisted.record']({ accompaniment, event: 'step.secret', step: 'code' })).toEqual({
        ok: false,
        error: 'mediator.locked',
      });
      expect(onExpired).toHaveBeenCalledTimes(2);
    } finally {
      content.close();
      db.close();
    }
  });
});
