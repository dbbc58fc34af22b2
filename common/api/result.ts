// Results that cross the API boundary: a value, or an error key the renderer translates.

/** Errors any call can answer, whatever its own declared errors. */
export const commonErrors = [
  'api.unknownMethod',
  'api.invalidInput',
  'api.internal',
  /** The caller is not the app's own page. */
  'api.forbidden',
  /** The renderer could not reach the host at all. */
  'api.unreachable',
] as const;
export type CommonError = (typeof commonErrors)[number];

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Failure<E extends string> = {
  readonly ok: false;
  readonly error: E;
  /** Dotted path of the input field that was refused, when there is one. */
  readonly field?: string;
};
export type Result<T, E extends string> = Ok<T> | Failure<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const fail = <E extends string>(error: E, field?: string): Failure<E> =>
  field === undefined ? { ok: false, error } : { ok: false, error, field };
