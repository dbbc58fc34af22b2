// Type-level tests: a renderer call and its handler that disagree with the contract fail the typecheck.
// Each @ts-expect-error below must stay an error; if the contract stopped catching it, tsc would fail here.
import { describe, expectTypeOf, test } from 'vitest';
import type { ApiClient, ErrorOf, Handlers, InputOf, OutputOf } from '../../common/api/contract';
import { ok } from '../../common/api/result';
import type { PublicSettings } from '../../common/api/types';

declare const api: ApiClient;
const settings: PublicSettings = {
  siteName: 'x',
  siteType: 'library',
  locales: ['fr'],
  defaultLocale: 'fr',
  idleTimeoutSeconds: 120,
  assistedMode: true,
  printing: true,
  helpPlaces: [],
  capabilities: { silentPrint: false, officialPane: false, officialWindow: false, closeApp: false },
  officialOrigins: [],
};

describe('the contract binds handlers and callers', () => {
  test('a handler must return the declared output type', () => {
    const right: Handlers['settings.public'] = () => ok(settings);
    // @ts-expect-error siteName is declared as a string
    const wrong: Handlers['settings.public'] = () => ok({ ...settings, siteName: 42 });
    expectTypeOf(right).toBeFunction();
    expectTypeOf(wrong).toBeFunction();
  });

  test('a handler may only answer the errors its call declares', () => {
    const declared: Handlers['settings.public'] = () => ({ ok: false, error: 'api.internal' });
    // @ts-expect-error 'content.packInvalid' is not an error of settings.public
    const undeclared: Handlers['settings.public'] = () => ({ ok: false, error: 'content.packInvalid' });
    expectTypeOf(declared).toBeFunction();
    expectTypeOf(undeclared).toBeFunction();
  });

  test('every declared call needs its handler', () => {
    // @ts-expect-error kiosk.reportRendererProblem is missing
    const missing: Handlers = { 'kiosk.status': () => ({ ok: false, error: 'api.internal' }), 'settings.public': () => ok(settings) };
    expectTypeOf(missing).toBeObject();
  });

  test('the renderer client takes the declared input and gets the declared output', () => {
    expectTypeOf<OutputOf<'settings.public'>>().toEqualTypeOf<PublicSettings>();
    expectTypeOf<InputOf<'kiosk.reportRendererProblem'>>().toEqualTypeOf<{
      kind: 'render-error' | 'unhandled-rejection' | 'script-error';
      screen: 'home' | 'need' | 'item' | 'search' | 'help' | 'emergency';
    }>();
    expectTypeOf<ErrorOf<'settings.public'>>().toEqualTypeOf<
      'api.unknownMethod' | 'api.invalidInput' | 'api.internal' | 'api.forbidden' | 'api.unreachable'
    >();
    // @ts-expect-error 'crash' is not a declared problem kind
    void api['kiosk.reportRendererProblem']({ kind: 'crash', screen: 'home' });
    // @ts-expect-error free text is not a screen kind
    void api['kiosk.reportRendererProblem']({ kind: 'render-error', screen: 'my code is 1234' });
    // @ts-expect-error the contract has no such call
    void api['admin.dropEverything'];
  });

  test('a caller must look at ok before using the value', async () => {
    const result = await api['settings.public']({});
    // @ts-expect-error value exists only on a success
    void result.value;
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<PublicSettings>();
    else expectTypeOf(result.error).toEqualTypeOf<ErrorOf<'settings.public'>>();
  });
});
