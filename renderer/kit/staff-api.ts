// The admin's and the mediator's calls, with the session token put in once and its expiry sent to one place: a
// protected call answered "session over" (admin.unauthorised, mediator.locked) tells the area that opened the
// session, which closes it; every other answer goes back to the caller as it came.
import { authErrors } from '../../common/api/auth-errors';
import type { ApiClient, AuthOf, InputOf, Method, ResultOf } from '../../common/api/contract';

type StaffAuth = keyof typeof authErrors;
/** The calls that need a session of this kind. */
export type StaffMethod<A extends StaffAuth> = { [M in Method]: AuthOf<M> extends A ? M : never }[Method];
/** A protected call's input without its token (the wrapper adds it); a union input (an event) stays a union. */
type WithoutToken<T> = T extends unknown ? Omit<T, 'token'> : never;
type StaffInput<M extends Method> = WithoutToken<InputOf<M>>;

export type StaffApi<A extends StaffAuth> = {
  readonly [M in StaffMethod<A>]: (input: StaffInput<M>) => Promise<ResultOf<M>>;
};
export type AdminApi = StaffApi<'admin'>;
export type MediatorApi = StaffApi<'mediator'>;

export function staffApi<A extends StaffAuth>(api: ApiClient, auth: A, token: string, onExpired: () => void): StaffApi<A> {
  const expired = authErrors[auth];
  const call = async (method: Method, input: object): Promise<unknown> => {
    const send = api[method] as (input: unknown) => Promise<{ ok: boolean; error?: string }>;
    const answer = await send({ ...input, token });
    if (!answer.ok && answer.error === expired) onExpired();
    return answer;
  };
  // One function per call, made when a call is first used: the renderer does not carry the contract's schemas.
  return new Proxy({} as StaffApi<A>, {
    get: (_target, method) => (typeof method === 'string' ? (input: object) => call(method as Method, input ?? {}) : undefined),
  });
}
