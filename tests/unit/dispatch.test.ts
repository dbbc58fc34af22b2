import { describe, expect, it } from 'vitest';
import { authErrors, contract, type Handlers, type Method } from '../../common/api/contract';
import { createDispatch } from '../../main/app/dispatch';
import { ok } from '../../common/api/result';
import { createMemoryLogger } from '../../main/core/log';
import { createSessions } from '../../main/staff/sessions';

const settings = {
  siteName: 'Pharmacie du Centre',
  siteType: 'pharmacy',
  locales: ['fr'],
  defaultLocale: 'fr',
  idleTimeoutSeconds: 90,
  assistedMode: true,
  printing: true,
  helpPlaces: [],
  capabilities: { silentPrint: false, officialPane: false, officialWindow: false, closeApp: false },
  officialOrigins: [],
} as const;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'kiosk.status': () => {
      throw new TypeError('secret visitor text must not reach the log');
    },
    'settings.public': () => ok(settings),
    'kiosk.reportRendererProblem': () => ok({ logged: true }),
    'kiosk.endVisit': () => ok({ wiped: true }),
    'kiosk.officialOpen': () => ({ ok: false, error: 'official.unavailable' }),
    'kiosk.officialClose': () => ok({ closed: true }),
    'kiosk.print': () => ({ ok: false, error: 'print.unavailable' }),
    'kiosk.printQueue': () => ({ ok: false, error: 'print.unavailable' }),
    'speech.voices': () => ok({ engine: null, voices: [] }),
    'speech.synthesize': () => ({ ok: false, error: 'speech.unavailable' }),
    'speech.report': () => ok({ recorded: true }),
    'content.needs': () => ({ ok: false, error: 'content.packMissing' }),
    'content.item': () => ({ ok: false, error: 'content.packMissing' }),
    'content.places': () => ({ ok: false, error: 'content.packMissing' }),
    'content.search': () => ({ ok: false, error: 'content.packMissing' }),
    'admin.status': () => ok({ configured: false, blocked: false, recovery: null }),
    'admin.setup': () => ({ ok: false, error: 'admin.alreadySet' }),
    'admin.login': () => ({ ok: false, error: 'admin.notSet' }),
    'admin.logout': () => ok({ loggedOut: true }),
    'admin.readability': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.closeKiosk': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.mediators': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.activityExport': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.mediatorCreate': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.mediatorReset': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.mediatorDisable': () => ({ ok: false, error: 'admin.unauthorised' }),
    'mediator.list': () => ok([]),
    'mediator.unlock': () => ({ ok: false, error: 'mediator.notFound' }),
    'mediator.lock': () => ok({ locked: true }),
    'mediator.keepAlive': () => ({ ok: false, error: 'mediator.locked' }),
    'admin.activityLines': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.stuckCsv': () => ({ ok: false, error: 'admin.unauthorised' }),
    'assisted.start': () => ({ ok: false, error: 'mediator.locked' }),
    'assisted.record': () => ({ ok: false, error: 'mediator.locked' }),
    'assisted.end': () => ({ ok: false, error: 'mediator.locked' }),
    'assisted.ticketCreate': () => ({ ok: false, error: 'mediator.locked' }),
    'assisted.ticketUse': () => ({ ok: false, error: 'mediator.locked' }),
    'assisted.interrupted': () => ok({ tickets: [] }),
    'admin.activity': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.activityCsv': () => ({ ok: false, error: 'admin.unauthorised' }),
    'admin.config': () => ({ ok: false, error: 'admin.unauthorised' }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('calls the handler of a declared method with its parsed input', async () => {
    const dispatch = createDispatch(handlers(), createMemoryLogger(), createSessions());
    expect(await dispatch('settings.public', {})).toEqual({ ok: true, value: settings });
  });

  it('refuses a method the contract does not declare, including inherited names', async () => {
    const dispatch = createDispatch(handlers(), createMemoryLogger(), createSessions());
    expect(await dispatch('admin.dropEverything', {})).toEqual({ ok: false, error: 'api.unknownMethod' });
    expect(await dispatch('toString', {})).toEqual({ ok: false, error: 'api.unknownMethod' });
    expect(await dispatch('__proto__', {})).toEqual({ ok: false, error: 'api.unknownMethod' });
  });

  it('answers invalid input with a typed error naming the field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatch(
      handlers({
        'kiosk.reportRendererProblem': () => {
          called = true;
          return ok({ logged: true });
        },
      }),
      createMemoryLogger(),
      createSessions(),
    );
    expect(await dispatch('kiosk.reportRendererProblem', { kind: 'render-error', screen: 'code-1234' })).toEqual({
      ok: false,
      error: 'api.invalidInput',
      field: 'screen',
    });
    expect(await dispatch('kiosk.reportRendererProblem', { kind: 'render-error', screen: 'home', extra: 1 })).toMatchObject({
      error: 'api.invalidInput',
    });
    expect(await dispatch('settings.public', 'not an object')).toMatchObject({ ok: false, error: 'api.invalidInput' });
    expect(called).toBe(false);
  });

  it('turns a failing handler into api.internal and logs only the error class', async () => {
    const log = createMemoryLogger();
    const dispatch = createDispatch(handlers(), log, createSessions());
    expect(await dispatch('kiosk.status', {})).toEqual({ ok: false, error: 'api.internal' });
    expect(log.lines).toEqual([{ level: 'error', event: 'api.handlerFailed', fields: { method: 'kiosk.status', error: 'TypeError' } }]);
    expect(JSON.stringify(log.lines)).not.toContain('secret');
  });
});

describe('auth declared in the contract', () => {
  const protectedCalls = (Object.keys(contract) as Method[]).filter((method) => contract[method].auth !== 'none');

  /** Handlers that only note which call reached them, and with which principal. */
  function recording() {
    const reached: { method: string; principal: unknown }[] = [];
    const all = new Proxy({} as Handlers, {
      get: (_target, method) => (_input: unknown, principal: unknown) => {
        reached.push({ method: String(method), principal });
        return ok(null);
      },
    });
    return { all, reached };
  }

  it('covers the staff calls: admin views and mediator actions are protected, the visitor calls are not', () => {
    expect(protectedCalls).toEqual(
      expect.arrayContaining(['admin.mediators', 'admin.activityCsv', 'admin.config', 'assisted.record', 'assisted.ticketUse']),
    );
    for (const open of ['content.search', 'kiosk.endVisit', 'admin.login', 'admin.setup', 'mediator.unlock', 'mediator.list'] as const)
      expect(contract[open].auth).toBe('none');
  });

  it.each(protectedCalls)('%s refuses a missing, bogus, other-kind and expired session token before its handler runs', async (method) => {
    const clock = { now: 1_000 };
    const sessions = createSessions({ now: () => clock.now, idleMs: { admin: 60_000, mediator: 60_000 } });
    const { all, reached } = recording();
    const dispatch = createDispatch(all, createMemoryLogger(), sessions);
    const kind = contract[method].auth as 'admin' | 'mediator';
    const refused = { ok: false, error: authErrors[kind] };
    const live = sessions.open(
      kind === 'admin' ? { kind: 'admin' } : { kind: 'mediator', mediatorId: 1, role: 'volunteer', displayName: 'Anne' },
    );
    const otherKind = sessions.open(
      kind === 'admin' ? { kind: 'mediator', mediatorId: 1, role: 'volunteer', displayName: 'Anne' } : { kind: 'admin' },
    );

    expect(await dispatch(method, {})).toEqual(refused);
    expect(await dispatch(method, { token: 'B'.repeat(43) })).toEqual(refused);
    expect(await dispatch(method, { token: 'not a token' })).toEqual(refused);
    expect(await dispatch(method, { token: otherKind })).toEqual(refused);
    expect(await dispatch(method, null)).toEqual(refused);
    clock.now += 60_001;
    expect(await dispatch(method, { token: live })).toEqual(refused);
    expect(reached).toEqual([]);
  });

  it('hands the resolved principal to the handler, never the token in the input', async () => {
    const sessions = createSessions();
    let seen: { input: unknown; principal: unknown } | null = null;
    const dispatch = createDispatch(
      handlers({
        'admin.readability': (input, principal) => {
          seen = { input, principal };
          return ok([]);
        },
      }),
      createMemoryLogger(),
      sessions,
    );
    const token = sessions.open({ kind: 'admin' });
    expect(await dispatch('admin.readability', { token, locale: 'fr' })).toEqual(ok([]));
    expect(seen).toEqual({ input: { locale: 'fr' }, principal: { kind: 'admin', token } });
  });
});
