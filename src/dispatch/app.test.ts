import { describe, expect, it } from 'vitest';
import { allEchoApps } from '../../test/apps/echo.js';
import { createDispatcher, describeApp } from './app.js';

describe('createDispatcher drives every app kind in memory', () => {
  for (const echo of allEchoApps((received) => ({
    status: 201,
    body: JSON.stringify({ got: received.body.toString('utf8') }),
    headers: { 'content-type': 'application/json', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'], 'x-multi': 'one' },
  }))) {
    it(`${echo.name}: method, path, query, headers and body in; status, headers, cookies and body out`, async () => {
      const dispatch = createDispatcher(echo.app);
      const body = Buffer.from('{"hello":"wörld"}');
      const response = await dispatch(
        {
          method: 'POST',
          url: '/some/path?x=1&y=two',
          headers: { host: 'localhost', 'content-type': 'application/json', 'content-length': String(body.length), 'x-custom': 'v' },
          body,
        },
        5000,
      );
      expect(response.statusCode).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      expect(JSON.parse(response.body.toString('utf8'))).toEqual({ got: '{"hello":"wörld"}' });
      const received = echo.received[0]!;
      expect(received.method).toBe('POST');
      expect(received.url).toBe('/some/path?x=1&y=two');
      expect(received.headers['x-custom']).toBe('v');
      expect(received.headers['content-length']).toBe(String(body.length));
      expect(received.body.equals(body)).toBe(true);
      if (echo.kind === 'listener') expect(received.remoteAddress).toBe('127.0.0.1');
    });

    it(`${echo.name}: GET without a body`, async () => {
      const dispatch = createDispatcher(echo.app);
      const response = await dispatch({ method: 'GET', url: '/books', headers: { host: 'localhost' } }, 5000);
      expect(response.statusCode).toBe(201);
      expect(echo.received.at(-1)!.body.length).toBe(0);
      expect(echo.received.at(-1)!.method).toBe('GET');
    });
  }
});

describe('app detection', () => {
  it('rejects what it cannot drive with a TypeError naming it', () => {
    expect(() => createDispatcher({ port: 3000 })).toThrow(TypeError);
    expect(() => createDispatcher({ port: 3000 })).toThrow(/an object \(Object\) with keys port/);
    expect(() => createDispatcher(undefined)).toThrow(/cannot drive undefined/);
    expect(() => createDispatcher('app.js')).toThrow(/cannot drive a string/);
  });

  it('a Promise that resolves to something else fails on first use, naming it', async () => {
    const dispatch = createDispatcher(Promise.resolve(42));
    await expect(dispatch({ method: 'GET', url: '/', headers: {} }, 1000)).rejects.toThrow(/cannot drive a number, which the app's Promise resolved to/);
  });

  it('describes values for error messages', () => {
    expect(describeApp(null)).toBe('null');
    expect(describeApp((a: unknown, b: unknown) => [a, b])).toBe('a function of 2 parameters');
  });
});
