// A datacontenttype that is not a media type, delivered in record mode to real Express 5 and Hono apps:
// the record fails alone with a reason naming datacontenttype (never "the app threw"), and the app
// receives nothing; a valid one reaches the app's Content-Type unchanged.
import { describe, expect, it, vi } from 'vitest';
import { express5App, honoApp } from '../../../test/apps/echo.js';
import { EventDeliveryError } from '../../errors.js';
import { createLambdaHandler } from '../../handlers/lambda/index.js';

const context = { awsRequestId: 'r', getRemainingTimeInMillis: () => 5000 };
const cloudEvent = (datacontenttype: unknown) => ({ specversion: '1.0', id: '1', source: '/s', type: 't', datacontenttype, data: 'hi' });

describe('record mode: datacontenttype becomes Content-Type only when it is a media type', () => {
  for (const make of [express5App, honoApp]) {
    it(`${make().name}: an invalid one fails the record with a reason naming datacontenttype`, async () => {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        for (const type of ['text/plain\r\nX-Injected: 1', 'text/plain\u0000', 'text/pl\u00e4in', 'text/plain; a="\r\n"', 'json', 42]) {
          const echo = make();
          const error = await createLambdaHandler(echo.app, { mode: 'record' })(cloudEvent(type), context).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error, JSON.stringify(type)).toBeInstanceOf(EventDeliveryError);
          const { code, failures } = error as EventDeliveryError & { failures: Array<{ index: number; body: string }> };
          expect(code).toBe('RECORDS_FAILED');
          expect(failures).toHaveLength(1);
          expect(failures[0]?.body).toMatch(/^the record cannot be sent as an HTTP request: Invalid CloudEvent: datacontenttype: /);
          expect(failures[0]?.body).not.toMatch(/app threw/);
          expect(echo.received).toHaveLength(0);
        }
        expect(spy.mock.calls.flat().join(' ')).not.toMatch(/app threw/);
      } finally {
        spy.mockRestore();
      }
    });

    it(`${make().name}: a valid one (application/json; charset=utf-8) is the Content-Type, unchanged`, async () => {
      const echo = make();
      const event = { ...cloudEvent('application/json; charset=utf-8'), data: { a: 1 } };
      const result = await createLambdaHandler(echo.app, { mode: 'record' })(event, context);
      expect(result).toEqual([expect.objectContaining({ statusCode: 200 })]);
      expect(echo.received[0]?.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(echo.received[0]?.body.toString()).toBe('{"a":1}');
    });
  }
});
