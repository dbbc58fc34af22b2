// Calls through the real dispatch and a real staff-sessions table, typed from the contract: tests make calls as the
// renderer does (the session token beside the input) and get the answers the renderer would get.
import type { Handlers, InputOf, Method, ResultOf } from '../../../common/api/contract';
import { createDispatch } from '../../../main/app/dispatch';
import type { Logger } from '../../../main/core/log';
import type { Sessions } from '../../../main/staff/sessions';

export function callsThrough(handlers: Partial<Handlers>, log: Logger, sessions: Sessions) {
  // Only the services under test are wired: a call to another one would answer api.internal.
  const dispatch = createDispatch(handlers as Handlers, log, sessions);
  return <M extends Method>(method: M, input: InputOf<M>) => dispatch(method, input) as Promise<ResultOf<M>>;
}
