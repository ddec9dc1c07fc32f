/**
 * The options of the Google Cloud Functions and Azure Functions entry points are checked at creation, as
 * createLambdaHandler's are: an unknown key (a typo, or a Lambda option these entry points do not have)
 * is a ConfigurationError UNKNOWN_OPTION naming it, the close known key and the entry point's own keys.
 * The handlers that are accepted are then driven with a real Express 5 app.
 */
import { describe, expect, it } from 'vitest';
import express from 'express';
import { createAzureFunctionHandler } from './azure/index.js';
import { createCloudEventFunction } from './gcf/index.js';
import type { FunctionOptions } from './function-options.js';
import { creationError } from '../../test/creation-error.js';

/** What the app received: method, path, the `x-tenant` header, the body as text. */
interface Received {
  method: string;
  path: string;
  tenant: string | undefined;
  body: string;
}

/** An Express 5 app that records each request it receives in `received` and answers it as JSON. */
function echoApp(received: Received[] = []) {
  const app = express();
  app.use(express.raw({ type: () => true }));
  app.use((req, res) => {
    const request: Received = { method: req.method, path: req.path, tenant: req.get('x-tenant'), body: Buffer.isBuffer(req.body) ? req.body.toString() : '' };
    received.push(request);
    res.json(request);
  });
  return app;
}

const entryPoints = [
  ['createCloudEventFunction', (options?: FunctionOptions) => createCloudEventFunction(echoApp(), options)],
  ['createAzureFunctionHandler', (options?: FunctionOptions) => createAzureFunctionHandler(echoApp(), options)],
] as const;

describe.each(entryPoints)('%s options are checked at creation', (_name, create) => {
  it('a typo (timeoutMS) is UNKNOWN_OPTION with "did you mean timeoutMs?" and lists only this entry point\'s options', () => {
    const error = creationError(() => create({ timeoutMS: 1000 } as never));
    expect(error?.code).toBe('UNKNOWN_OPTION');
    expect(error?.message).toBe('cloud-events-handler has no option timeoutMS (did you mean timeoutMs?); the options are mode, request, routes, timeoutMs');
  });

  it('the Lambda-only options (concurrency, fifo, timeoutMarginMs) are unknown here, not silently ignored', () => {
    for (const options of [{ concurrency: 4 }, { fifo: 'group' }, { timeoutMarginMs: 100 }]) {
      const error = creationError(() => create(options as never));
      expect(error?.code).toBe('UNKNOWN_OPTION');
      expect(error?.message).toContain(`no option ${Object.keys(options)[0]}`);
    }
  });

  it('a typo inside request (request.heders) is UNKNOWN_OPTION with "did you mean request.headers?"', () => {
    const error = creationError(() => create({ request: { heders: { 'x-tenant': 'a' } } } as never));
    expect(error?.code).toBe('UNKNOWN_OPTION');
    expect(error?.message).toContain('no option request.heders (did you mean request.headers?)');
  });

  it('options that are not an object are INVALID_OPTION, as for createLambdaHandler', () => {
    for (const options of [null, 'record', 5]) expect(creationError(() => create(options as never))?.code).toBe('INVALID_OPTION');
  });

  it('every key of its own is accepted', () => {
    expect(creationError(() => create({ mode: 'event', request: { method: 'PUT', path: '/in', headers: { 'x-tenant': 'a' } }, routes: {}, timeoutMs: 1000 }))).toBeUndefined();
    expect(creationError(() => create())).toBeUndefined();
  });
});

describe('accepted options still reach the app', () => {
  it('Google Cloud Functions: routes and request.headers', async () => {
    const received: Received[] = [];
    const fn = createCloudEventFunction(echoApp(received), { routes: { 'com.example.*': '/books' }, request: { headers: { 'x-tenant': 'a' } }, timeoutMs: 5000 });
    await expect(fn({ specversion: '1.0', id: '1', source: '/s', type: 'com.example.added', datacontenttype: 'text/plain', data: 'dune' })).resolves.toBeUndefined();
    expect(received).toEqual([{ method: 'POST', path: '/books', tenant: 'a', body: 'dune' }]);
  });

  it('Azure Functions: an HTTP trigger answered with what the app received', async () => {
    const handler = createAzureFunctionHandler(echoApp(), { request: { headers: { 'x-tenant': 'a' } }, timeoutMs: 5000 });
    const request = { method: 'POST', url: 'https://fn.azurewebsites.net/api/books?x=1', headers: new Headers({ 'content-type': 'text/plain' }), arrayBuffer: async () => new TextEncoder().encode('dune').buffer };
    const response = await handler(request, { options: { trigger: { type: 'httpTrigger' } } });
    expect(response?.status).toBe(200);
    expect(JSON.parse(Buffer.from(response?.body as Uint8Array).toString())).toEqual({ method: 'POST', path: '/api/books', tenant: 'a', body: 'dune' });
  });
});
