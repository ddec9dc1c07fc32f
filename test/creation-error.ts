import { expect } from 'vitest';
import { ConfigurationError } from '../src/errors.js';

/**
 * What `create` throws, checked to be a ConfigurationError (undefined when it does not throw): the
 * option tests of every entry point read its `code` and `message`.
 *
 * @example
 * expect(creationError(() => createLambdaHandler(app, { mdoe: 'record' } as never))?.code).toBe('UNKNOWN_OPTION');
 */
export function creationError(create: () => unknown): ConfigurationError | undefined {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  return undefined;
}
