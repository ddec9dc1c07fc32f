import { afterEach, describe, expect, it, vi } from 'vitest';
import express from 'express';
import { loadFixture } from '../../../test/fixtures/load.js';
import { rawListener } from '../../../test/apps/echo.js';
import { ConfigurationError, EventDeliveryError } from '../../errors.js';
import { createLambdaHandler, createStreamingLambdaHandler } from './index.js';

const MAX_TIMER_MS = 2 ** 31 - 1; // what Node's timers honour

/** Every rejection is a typed error with a stable code; options that no timer can honour fail at creation. */

afterEach(() => vi.restoreAllMocks());

function deepEvent(depth: number): unknown {
  let event: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) event = { child: event };
  return event;
}

async function rejection(promise: Promise<unknown>): Promise<EventDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EventDeliveryError);
  return error as EventDeliveryError;
}

const context = { awsRequestId: 'r', getRemainingTimeInMillis: () => 5000 };

describe('timeouts no timer can honour are rejected at creation', () => {
  for (const option of ['timeoutMs', 'timeoutMarginMs'] as const) {
    it(`${option}: Infinity, 2^31 ms and NaN are INVALID_OPTION; 2^31-1 is accepted`, () => {
      for (const value of [Infinity, MAX_TIMER_MS + 1, Number.NaN, -1]) {
        for (const create of [createLambdaHandler, createStreamingLambdaHandler]) {
          let error: unknown;
          try {
            create(express(), { [option]: value });
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(ConfigurationError);
          expect((error as ConfigurationError).code).toBe('INVALID_OPTION');
          expect((error as ConfigurationError).message).toContain(`${option} is ${value}`);
        }
      }
      expect(() => createLambdaHandler(express(), { [option]: MAX_TIMER_MS })).not.toThrow();
    });
  }
});

describe('every rejection is typed', () => {
  it('a 10,000-deep event: event mode rejects INVALID_EVENT (400), nothing delivered; record mode fails the record', async () => {
    const echo = rawListener();
    const event = deepEvent(10_000);
    const error = await rejection(createLambdaHandler(echo.app, { request: { path: '/deep' } })(event, context));
    expect([error.code, error.statusCode, error.path]).toEqual(['INVALID_EVENT', 400, '/deep']);
    expect(error.message).toMatch(/cannot be serialised as JSON/);
    expect(echo.received).toEqual([]);

    const records = await rejection(createLambdaHandler(echo.app, { mode: 'record' })(event, context));
    expect(records.code).toBe('RECORDS_FAILED');
    expect(records.failures?.[0]?.body).toMatch(/cannot be sent/);
    expect(echo.received).toEqual([]);
  });

  it('a getRemainingTimeInMillis that throws: the event is delivered with timeoutMs as its limit', async () => {
    const broken = {
      awsRequestId: 'r',
      getRemainingTimeInMillis: () => {
        throw new Error('no deadline here');
      },
    };
    const echo = rawListener();
    const s3 = loadFixture('aws-lambda-go/s3-event.json');
    expect(await createLambdaHandler(echo.app)(s3, broken)).toMatchObject({ statusCode: 200 });
    expect(await createLambdaHandler(echo.app, { mode: 'record' })(loadFixture('aws-lambda-go/sqs-event.json'), broken)).toEqual({ batchItemFailures: [] });
    const deadline = (JSON.parse(echo.received[0]!.headers['x-amzn-lambda-context'] as string) as { deadline: number }).deadline;
    expect(deadline - Date.now()).toBeGreaterThan(20_000); // the 30 s default timeoutMs

    // An app that never answers still times out, after timeoutMs, as APP_TIMEOUT.
    const never = (req: unknown, res: unknown) => void [req, res];
    const error = await rejection(createLambdaHandler(never, { timeoutMs: 50 })(s3, broken));
    expect(error.code).toBe('APP_TIMEOUT');
    // A remaining time that is not a finite number is treated the same way.
    const infinite = { awsRequestId: 'r', getRemainingTimeInMillis: () => Infinity };
    expect((await rejection(createLambdaHandler(never, { timeoutMs: 50 })(s3, infinite))).code).toBe('APP_TIMEOUT');
  });

  it('an app that cannot be started (a Promise app that rejects, or resolves to a number): ConfigurationError APP_START_FAILED', async () => {
    const sqs = loadFixture('aws-lambda-go/sqs-event.json');
    for (const mode of ['event', 'record'] as const) {
      const failing = Promise.reject(new Error('database unreachable'));
      failing.catch(() => undefined);
      for (const [app, why] of [
        [failing, 'database unreachable'],
        [Promise.resolve(42), 'cannot drive a number'],
      ] as const) {
        const error = await createLambdaHandler(app, { mode })(sqs, context).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as ConfigurationError).code).toBe('APP_START_FAILED');
        expect((error as ConfigurationError).message).toContain(why);
      }
    }
  });
});
