import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CloudEventError } from '../errors.js';
import { toBatch } from '../http/batch.js';
import { toBinary } from '../http/binary.js';
import { toStructured } from '../http/structured.js';
import type { CloudEvent } from '../types.js';
import { fromRequest } from './fetch.js';

const event: CloudEvent = {
  specversion: '1.0',
  id: 'f-1',
  source: 'https://example.com/fetch',
  type: 'com.example.fetch',
  subject: 'a b "c"',
  datacontenttype: 'application/octet-stream',
  data_base64: 'AAEC',
};

const request = (m: { headers: Record<string, string>; body: Buffer | undefined }) =>
  new Request('http://localhost/events', { method: 'POST', headers: m.headers, body: m.body });

describe('fromRequest', () => {
  it('decodes each content mode from a WHATWG Request', async () => {
    expect(await fromRequest(request(toBinary(event)))).toEqual(event);
    expect(await fromRequest(request(toStructured(event)))).toEqual(event);
    expect(await fromRequest(request(toBatch([event])))).toEqual([event]);
  });

  it('rejects with a CloudEventError carrying the status to answer with', async () => {
    const error = await fromRequest(new Request('http://localhost/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CloudEventError);
    expect((error as CloudEventError).status).toBe(400);
  });

  it('serves a Hono app', async () => {
    const app = new Hono();
    app.post('/events', async (c) => {
      try {
        const received = await fromRequest(c.req.raw);
        return c.json({ id: Array.isArray(received) ? null : received.id });
      } catch (e) {
        if (e instanceof CloudEventError) return c.json({ code: e.code }, e.status as 400);
        throw e;
      }
    });
    expect(await (await app.fetch(request(toBinary(event)))).json()).toEqual({ id: 'f-1' });
    const bad = await app.fetch(new Request('http://localhost/events', { method: 'POST', headers: { 'content-type': 'application/cloudevents+xml' }, body: '<x/>' }));
    expect([bad.status, await bad.json()]).toEqual([415, { code: 'CE_UNSUPPORTED_MEDIA_TYPE' }]);
  });
});
