// Test-only helper (imported by the request-response sources' *.test.ts files, never by library code):
// the same small app in Express 5 and Hono, routed by the framework's own router on one POST path,
// answering each event as the test says. Real frameworks, no mocks.
import express from 'express';
import { Hono } from 'hono';
import { createLambdaHandler } from '../../handlers/lambda/index.js';

/** How the app answers an event: a status (default 200) and a JSON value, or text, or nothing. */
export interface SyncAnswer {
  status?: number;
  json?: unknown;
  text?: string;
}

/** One app: its framework's name, the app to hand to `createLambdaHandler`, the events it received. */
export interface SyncApp {
  name: string;
  app: unknown;
  received: unknown[];
}

function send(answer: SyncAnswer, res: express.Response): void {
  res.status(answer.status ?? 200);
  if (answer.json !== undefined) res.json(answer.json);
  else if (answer.text !== undefined) res.type('text/plain').send(answer.text);
  else res.end();
}

/**
 * An Express 5 app and a Hono app that accept `POST <path>` with a JSON body and answer with
 * `answer(event)`; any other route is the framework's 404.
 *
 * @example
 * for (const { name, app } of syncApps('/aws.lexv2', () => ({ json: { ok: true } }))) { ... }
 */
export function syncApps(path: string, answer: (event: unknown) => SyncAnswer): SyncApp[] {
  const expressReceived: unknown[] = [];
  const expressApp = express();
  expressApp.post(path, express.json({ limit: '10mb' }), (req, res) => {
    expressReceived.push(req.body);
    send(answer(req.body), res);
  });

  const honoReceived: unknown[] = [];
  const honoApp = new Hono();
  honoApp.post(path, async (c) => {
    const event: unknown = await c.req.json();
    honoReceived.push(event);
    const reply = answer(event);
    const status = reply.status ?? 200;
    if (reply.json !== undefined) return c.body(JSON.stringify(reply.json), status as 200, { 'content-type': 'application/json' });
    if (reply.text !== undefined) return c.body(reply.text, status as 200, { 'content-type': 'text/plain' });
    return c.body(null, status as 200);
  });

  return [
    { name: 'Express 5', app: expressApp, received: expressReceived },
    { name: 'Hono', app: honoApp, received: honoReceived },
  ];
}

/** A Lambda context with a request id and five seconds left. */
export const syncContext = { awsRequestId: 'req-sync', getRemainingTimeInMillis: () => 5000 };

/**
 * Invoke `createLambdaHandler(app, { mode })` with `event`, as Lambda would (event mode by default).
 *
 * @example
 * const result = await invoke(app, event);
 */
export function invoke(app: unknown, event: unknown, mode: 'event' | 'record' = 'event'): Promise<unknown> {
  return createLambdaHandler(app, { mode })(event, syncContext);
}
