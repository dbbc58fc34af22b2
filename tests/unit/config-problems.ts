// For configuration tests: the problems a ConfigError lists, or a failure when the call does not throw one.
import { ConfigError } from '../../main/core/config';

export function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
