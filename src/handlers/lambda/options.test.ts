import { describe, expect, it } from 'vitest';
import express from 'express';
import { createLambdaHandler, createStreamingLambdaHandler } from './index.js';
import { OPTION_KEYS } from './options.js';
import { creationError } from '../../../test/creation-error.js';

const app = express();

describe('unknown option keys fail at creation', () => {
  it('rotues: UNKNOWN_OPTION naming the key and "did you mean routes?"', () => {
    for (const create of [createLambdaHandler, createStreamingLambdaHandler]) {
      const error = creationError(() => create(app, { rotues: {} } as never));
      expect(error?.code).toBe('UNKNOWN_OPTION');
      expect(error?.message).toContain('no option rotues (did you mean routes?)');
    }
  });

  it('close misspellings get a suggestion, a far one only the list of known keys', () => {
    expect(creationError(() => createLambdaHandler(app, { timeoutMS: 5 } as never))?.message).toContain('did you mean timeoutMs?');
    expect(creationError(() => createLambdaHandler(app, { concurency: 5 } as never))?.message).toContain('did you mean concurrency?');
    const far = creationError(() => createLambdaHandler(app, { retries: 3 } as never));
    expect(far?.code).toBe('UNKNOWN_OPTION');
    expect(far?.message).not.toContain('did you mean');
    expect(far?.message).toContain(Object.keys(OPTION_KEYS).join(', '));
  });

  it('unknown keys inside request: request.hedaers -> did you mean request.headers?', () => {
    const error = creationError(() => createLambdaHandler(app, { request: { hedaers: { a: 'b' } } } as never));
    expect(error?.code).toBe('UNKNOWN_OPTION');
    expect(error?.message).toContain('no option request.hedaers (did you mean request.headers?)');
    expect(creationError(() => createLambdaHandler(app, { request: 'POST' } as never))?.code).toBe('INVALID_OPTION');
  });

  it('every known key is accepted', () => {
    expect(
      creationError(() =>
        createLambdaHandler(app, {
          mode: 'record',
          request: { method: 'PUT', path: '/x', headers: { a: 'b' } },
          routes: {},
          concurrency: 2,
          timeoutMarginMs: 100,
          timeoutMs: 1000,
        }),
      ),
    ).toBeUndefined();
  });
});
