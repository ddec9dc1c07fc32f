import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../errors.js';
import { createLambdaHandler } from './index.js';

const app = (_req: unknown, res: { end(): void }) => res.end();

describe('request.headers names', () => {
  it('a name that is not an HTTP token is a ConfigurationError at creation, naming the header', () => {
    for (const name of ['bad name', 'x\r\ny', 'x:y', '', 'caf\u00e9']) {
      let error: unknown;
      try {
        createLambdaHandler(app, { request: { headers: { [name]: 'v' } } });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(name)).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ code: 'INVALID_OPTION' });
      expect((error as Error).message).toContain(`request.headers[${JSON.stringify(name)}]`);
    }
  });

  it('token names, in any case, are accepted', () => {
    expect(() => createLambdaHandler(app, { request: { headers: { 'X-Api-Key': 'k', "a!#$%&'*+.^_`|~-1": 'v' } } })).not.toThrow();
  });
});
