import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../main/api/contract';
import { createDispatch } from '../../main/api/dispatch';
import { ok } from '../../main/api/result';
import { createMemoryLogger } from '../../main/log';

const settings = {
  siteName: 'Pharmacie du Centre',
  siteType: 'pharmacy',
  locales: ['fr'],
  defaultLocale: 'fr',
  idleTimeoutSeconds: 90,
  assistedMode: true,
  printing: true,
  helpPlaces: [],
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
    'content.needs': () => ({ ok: false, error: 'content.packMissing' }),
    'content.item': () => ({ ok: false, error: 'content.packMissing' }),
    'content.places': () => ({ ok: false, error: 'content.packMissing' }),
    'content.search': () => ({ ok: false, error: 'content.packMissing' }),
    'admin.status': () => ok({ configured: false }),
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
    const dispatch = createDispatch(handlers(), createMemoryLogger());
    expect(await dispatch('settings.public', {})).toEqual({ ok: true, value: settings });
  });

  it('refuses a method the contract does not declare, including inherited names', async () => {
    const dispatch = createDispatch(handlers(), createMemoryLogger());
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
    const dispatch = createDispatch(handlers(), log);
    expect(await dispatch('kiosk.status', {})).toEqual({ ok: false, error: 'api.internal' });
    expect(log.lines).toEqual([{ level: 'error', event: 'api.handlerFailed', fields: { method: 'kiosk.status', error: 'TypeError' } }]);
    expect(JSON.stringify(log.lines)).not.toContain('secret');
  });
});
