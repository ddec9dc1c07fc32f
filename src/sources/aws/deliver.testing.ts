// Test-only helper (imported by the sources' *.test.ts files, never by library code): deliver an
// event through `createLambdaHandler` to a real Express 5 app and a real Hono app.
import { expect } from 'vitest';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import type { EchoApp, Received, Respond } from '../../../test/apps/echo.js';
import { createLambdaHandler } from '../../handlers/lambda/index.js';

/** The apps every delivery test runs against: a Node listener (Express 5) and a fetch app (Hono). */
export const APPS: ReadonlyArray<(respond?: Respond) => EchoApp> = [express5App, honoApp];

/** A Lambda context with the fields the handler reads. */
export const CONTEXT = {
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  getRemainingTimeInMillis: () => 5000,
};

/**
 * Invoke the handler for `app` with `event` in `mode`, resolving to the result (or rejecting as the
 * handler does).
 *
 * @example
 * const result = await invoke(express5App(), event);
 */
export function invoke(app: EchoApp, event: unknown, mode: 'event' | 'record' = 'event'): Promise<unknown> {
  return createLambdaHandler(app.app, { mode })(event, CONTEXT);
}

/**
 * Assert the one request of an event-mode delivery: POST to `path`, the event's JSON byte for byte,
 * `application/json` with its exact length.
 *
 * @example
 * expectEventModeRequest(echo.received, event, '/aws.kafka');
 */
export function expectEventModeRequest(received: readonly Received[], event: unknown, path: string): void {
  expect(received.length).toBe(1);
  const request = received[0] as Received;
  const json = Buffer.from(JSON.stringify(event));
  expect(request.method).toBe('POST');
  expect(request.url).toBe(path);
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers['content-length']).toBe(String(json.length));
  expect(request.body.equals(json)).toBe(true);
}
