// The one entry behind both transports: checks the method, resolves the caller's session for a protected call,
// parses the input, calls the handler. Handlers never see or check tokens.
import { authErrors, contract, isMethod, sessionToken, type Handlers, type Method, type Principal } from '../../common/api/contract';
import { fail, type Result } from '../../common/api/result';
import type { Sessions } from '../staff/sessions';

export interface DispatchLog {
  error(event: string, fields: Record<string, string | number | boolean>): void;
}

export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown, string>>;

export function createDispatch(handlers: Handlers, log: DispatchLog, sessions: Pick<Sessions, 'resolve'>): Dispatch {
  return async (method, args) => {
    if (!isMethod(method)) return fail('api.unknownMethod');
    const def = contract[method];
    let input: unknown = args ?? {};
    let principal: Principal | null = null;
    if (def.auth !== 'none') {
      const { token, rest } = splitToken(input);
      const parsedToken = sessionToken.safeParse(token);
      principal = parsedToken.success ? sessions.resolve(parsedToken.data, def.auth) : null;
      if (!principal) return fail(authErrors[def.auth]);
      input = rest;
    }
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first && first.path.length > 0 ? first.path.join('.') : undefined;
      return fail('api.invalidInput', field);
    }
    try {
      return await callHandler(handlers, method, parsed.data, principal);
    } catch (error) {
      // The error's message could quote input; log only its class name.
      log.error('api.handlerFailed', { method, error: errorName(error) });
      return fail('api.internal');
    }
  };
}

/** The session token sent beside a protected call's input, and the input without it. */
function splitToken(args: unknown): { token: unknown; rest: unknown } {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return { token: undefined, rest: args };
  const { token, ...rest } = args as Record<string, unknown>;
  return { token, rest };
}

function callHandler(handlers: Handlers, method: Method, input: unknown, principal: Principal | null) {
  // The input was parsed with this very method's schema, and the principal resolved for its auth, just above.
  const handler = handlers[method] as (input: unknown, principal: Principal | null) => ReturnType<Handlers[Method]>;
  return handler(input, principal);
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
