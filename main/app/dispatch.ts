// The one entry behind both transports: checks the method, parses the input, calls the service.
import { isMethod, type Handlers, type Method } from '../../common/api/contract';
import { contract } from '../../common/api/contract';
import { fail, type Result } from '../../common/api/result';

export interface DispatchLog {
  error(event: string, fields: Record<string, string | number | boolean>): void;
}

export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown, string>>;

export function createDispatch(handlers: Handlers, log: DispatchLog): Dispatch {
  return async (method, args) => {
    if (!isMethod(method)) return fail('api.unknownMethod');
    const parsed = contract[method].input.safeParse(args ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first && first.path.length > 0 ? first.path.join('.') : undefined;
      return fail('api.invalidInput', field);
    }
    try {
      return await callHandler(handlers, method, parsed.data);
    } catch (error) {
      // The error's message could quote input; log only its class name.
      log.error('api.handlerFailed', { method, error: errorName(error) });
      return fail('api.internal');
    }
  };
}

function callHandler(handlers: Handlers, method: Method, input: unknown) {
  // The input was parsed with this very method's schema just above.
  const handler = handlers[method] as (input: unknown) => ReturnType<Handlers[Method]>;
  return handler(input);
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
