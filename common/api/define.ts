// Building blocks for declaring API calls and events once, with their types carried along.
import type { z } from 'zod';

declare const outputType: unique symbol;

/** One call of the contract: its input schema, its declared errors and (as a phantom) its output type. */
export interface CallDef<I extends z.ZodType, O, E extends string> {
  readonly input: I;
  readonly errors: readonly E[];
  /** Never set at run time: it only carries the output type. */
  readonly [outputType]?: O;
}

/**
 * `defineCall<Output>()({ input, errors })`: the output type is named explicitly,
 * the input and error types are inferred from the values.
 */
export const defineCall =
  <O>() =>
  <I extends z.ZodType, const E extends string = never>(def: { input: I; errors?: readonly E[] }): CallDef<I, O, NoInfer<E>> => ({
    input: def.input,
    errors: def.errors ?? [],
  });

/** One event the main process may push to the renderer. */
export interface EventDef<P> {
  readonly [outputType]?: P;
}
export const defineEvent = <P>(): EventDef<P> => ({});
