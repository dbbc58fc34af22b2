// Building blocks for declaring API calls and events once, with their types carried along.
import type { z } from 'zod';

declare const outputType: unique symbol;

/**
 * Who may make a call: anyone on the kiosk's page, a live admin session, or a live mediator session. For the last
 * two the caller adds its session `token` beside the input; dispatch resolves it before the handler runs.
 */
export const authKinds = ['none', 'admin', 'mediator'] as const;
export type Auth = (typeof authKinds)[number];

/** One call of the contract: its input schema, its declared errors, who may call it and (as a phantom) its output. */
export interface CallDef<I extends z.ZodType, O, E extends string, A extends Auth = Auth> {
  readonly input: I;
  readonly errors: readonly E[];
  readonly auth: A;
  /** The call ends a visit: the HTTP host tells the browser to clear the page's storage with the answer. */
  readonly endsVisit: boolean;
  /** Never set at run time: it only carries the output type. */
  readonly [outputType]?: O;
}

/** A call declared without `auth` infers the whole union: it means 'none'. */
type OrNone<A extends Auth> = Auth extends A ? 'none' : A;

/**
 * `defineCall<Output>()({ input, errors, auth })`: the output type is named explicitly,
 * the input, error and auth types are inferred from the values.
 */
export const defineCall =
  <O>() =>
  <I extends z.ZodType, const E extends string = never, A extends Auth = 'none'>(def: {
    input: I;
    errors?: readonly E[];
    auth?: A;
    endsVisit?: boolean;
  }): CallDef<I, O, NoInfer<E>, OrNone<A>> => ({
    input: def.input,
    errors: def.errors ?? [],
    auth: (def.auth ?? 'none') as OrNone<A>,
    endsVisit: def.endsVisit ?? false,
  });

/** One event the main process may push to the renderer. */
export interface EventDef<P> {
  readonly [outputType]?: P;
}
export const defineEvent = <P>(): EventDef<P> => ({});
