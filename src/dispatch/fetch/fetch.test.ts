import { describe, expect, it } from 'vitest';
import { fetchDispatcher, toFetchRequest } from './index.js';

const request = { method: 'POST', url: '/aws.sqs?x=1', headers: { host: 'localhost', 'content-type': 'application/json', 'x-a': ['1', '2'] }, body: Buffer.from('{"a":1}') };

describe('fetch dispatch', () => {
  it('builds a WHATWG Request: URL from host and path, headers, body', async () => {
    const built = toFetchRequest(request);
    expect(built.url).toBe('http://localhost/aws.sqs?x=1');
    expect(built.method).toBe('POST');
    expect(built.headers.get('x-a')).toBe('1, 2');
    expect(await built.text()).toBe('{"a":1}');
  });

  it('a secure request gets an https URL', () => {
    expect(toFetchRequest({ ...request, secure: true }).url).toBe('https://localhost/aws.sqs?x=1');
    expect(toFetchRequest({ ...request, secure: false }).url).toBe('http://localhost/aws.sqs?x=1');
  });

  it('falls back to localhost for a Host that cannot be an authority', () => {
    expect(toFetchRequest({ ...request, headers: { host: 'evil.com/@x' } }).url).toBe('http://localhost/aws.sqs?x=1');
    expect(toFetchRequest({ ...request, headers: { host: '[::1]:8080' } }).url).toBe('http://[::1]:8080/aws.sqs?x=1');
  });

  it('reads status, headers, every set-cookie and binary body back', async () => {
    const dispatch = fetchDispatcher(() => {
      const headers = new Headers({ 'content-type': 'application/octet-stream' });
      headers.append('set-cookie', 'a=1');
      headers.append('set-cookie', 'b=2, with comma');
      return new Response(new Uint8Array([0, 255, 1]), { status: 207, headers });
    });
    const response = await dispatch(request, 1000);
    expect(response.statusCode).toBe(207);
    expect(response.headers).toEqual({ 'content-type': 'application/octet-stream', 'set-cookie': ['a=1', 'b=2, with comma'] });
    expect(response.body).toEqual(Buffer.from([0, 255, 1]));
  });

  it('drops the body of a HEAD answer', async () => {
    const response = await fetchDispatcher(() => new Response('body'))({ method: 'HEAD', url: '/', headers: {} }, 1000);
    expect(response.body.length).toBe(0);
  });

  it('a handler that throws, rejects or returns no Response fails with APP_ERROR', async () => {
    await expect(fetchDispatcher(() => { throw new Error('sync'); })(request, 1000)).rejects.toMatchObject({ code: 'APP_ERROR', message: 'the app failed: sync' });
    await expect(fetchDispatcher(async () => Promise.reject(new Error('async')))(request, 1000)).rejects.toMatchObject({ code: 'APP_ERROR' });
    await expect(fetchDispatcher(() => ({ status: 200 }) as unknown as Response)(request, 1000)).rejects.toMatchObject({
      code: 'APP_ERROR',
      message: /returned an object \(Object\) instead of a Response/,
    });
  });

  it('a handler that never answers, or whose body never ends, fails with APP_TIMEOUT', async () => {
    await expect(fetchDispatcher(() => new Promise<Response>(() => undefined))(request, 30)).rejects.toMatchObject({ code: 'APP_TIMEOUT' });
    const endless = new ReadableStream({ pull: () => new Promise(() => undefined) });
    await expect(fetchDispatcher(() => new Response(endless))(request, 30)).rejects.toMatchObject({ code: 'APP_TIMEOUT' });
  });
});
