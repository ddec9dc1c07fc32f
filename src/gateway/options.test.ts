import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors.js';
import { createEventGateway, serve } from './index.js';

const app = (_req: unknown, res: { end(body: string): void }) => res.end('ok');

describe('gateway options are checked at creation', () => {
  it('an unknown key, at the top or in auth, is a ConfigurationError UNKNOWN_OPTION naming it and the close known key', () => {
    expect(() => createEventGateway(app, { maxBodyByte: 10 } as never)).toThrow(ConfigurationError);
    expect(() => createEventGateway(app, { maxBodyByte: 10 } as never)).toThrow(/no option maxBodyByte \(did you mean maxBodyBytes\?\)/);
    expect(() => createEventGateway(app, { auth: { tokens: { value: 's' } } } as never)).toThrow(/no option auth\.tokens \(did you mean auth\.token\?\)/);
    expect(() => createEventGateway(app, { rotues: {} } as never)).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPTION' }));
    expect(() => createEventGateway(app, { timeoutMs: 1000, maxInFlight: 4, auth: { token: { value: 's' } } })).not.toThrow();
  });

  it('options, auth and each auth member that are not objects are INVALID_OPTION naming them, not a TypeError', () => {
    for (const [options, name] of [
      [null, 'options'],
      ['record', 'options'],
      [{ auth: null }, 'auth'],
      [{ auth: [] }, 'auth'],
      [{ auth: { token: null } }, 'auth.token'],
      [{ auth: { pubsub: 'https://x.example/' } }, 'auth.pubsub'],
      [{ auth: { sns: null } }, 'auth.sns'],
      [{ auth: { eventGrid: 1 } }, 'auth.eventGrid'],
    ] as const) {
      expect(() => createEventGateway(app, options as never), JSON.stringify(options)).toThrow(
        expect.objectContaining({ name: 'ConfigurationError', code: 'INVALID_OPTION', message: expect.stringContaining(`option ${name} is `) }),
      );
    }
  });

  it("serve's own listening options are not taken for unknown gateway options; a typo beside them is", async () => {
    const served = await serve(app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 5000, keepAliveTimeoutMs: 5000, handleSignals: false });
    try {
      expect((await fetch(served.url, { method: 'OPTIONS' })).status).toBeGreaterThanOrEqual(200);
    } finally {
      await served.close();
    }
    await expect(serve(app, { port: 0, handleSignal: false } as never)).rejects.toMatchObject({ code: 'UNKNOWN_OPTION' });
  });
});
