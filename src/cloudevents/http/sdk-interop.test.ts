// Interoperability with the official CloudEvents JavaScript SDK (`cloudevents` v10), both directions,
// where the SDK is correct; and, where it is not, a test per divergence that asserts this layer's
// behaviour and records the SDK's. See docs/cloudevents-sdk-interop.md.
import { validateHeaderValue } from 'node:http';
import { CloudEvent as SdkEvent, HTTP } from 'cloudevents';
import type { Message } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { CloudEventError } from '../errors.js';
import type { CloudEvent } from '../types.js';
import { toBatch } from './batch.js';
import { toBinary } from './binary.js';
import { fromHttp } from './decode.js';
import { toStructured } from './structured.js';

// The SDK renders time as Date#toISOString (milliseconds, Z), so interop fixtures use that form.
const event: CloudEvent = {
  specversion: '1.0',
  id: 'A234-1234-1234',
  source: 'https://example.com/orders',
  type: 'com.example.order.created',
  time: '2018-04-05T17:31:00.000Z',
  subject: 'order-42',
  comexampleextension1: 'value',
  datacontenttype: 'application/json',
  data: { appinfoA: 'abc', appinfoB: 123, appinfoC: true },
};

/** Our message as the SDK's `Message` (header values as strings, body as text). */
const asSdkMessage = (m: { headers: Record<string, string>; body: Buffer | undefined }): Message => ({
  headers: m.headers,
  body: m.body?.toString('utf8'),
});

/** The SDK's message as an HTTP input of ours. */
const fromSdk = (m: Message) => ({ headers: m.headers as Record<string, string>, body: m.body });

const sdkRead = (m: Message) => HTTP.toEvent(m) as SdkEvent;

function sdkError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message.split('\n')[0] as string;
  }
  return 'no error';
}

function ourError(fn: () => unknown): CloudEventError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudEventError) return e;
    throw e;
  }
  throw new Error('expected a CloudEventError');
}

describe('interop: ours -> SDK', () => {
  it('binary mode: the SDK reads every attribute and the JSON data', () => {
    const received = sdkRead(asSdkMessage(toBinary(event)));
    expect({ ...received }).toEqual(event);
  });

  it('structured mode: the SDK reads the event, non-ASCII text included', () => {
    const received = sdkRead(asSdkMessage(toStructured({ ...event, subject: 'Ünïcode 😀' })));
    expect({ ...received }).toEqual({ ...event, subject: 'Ünïcode 😀' });
  });

  it('structured mode with binary data: the SDK reads data_base64', () => {
    const bytes = { ...event, datacontenttype: 'application/octet-stream', data: new Uint8Array([0, 1, 2]) };
    const received = sdkRead(asSdkMessage(toStructured(bytes)));
    expect(received.data_base64).toBe('AAEC');
  });

  it('batched mode: the SDK reads every event', () => {
    const received = HTTP.toEvent(asSdkMessage(toBatch([event, { ...event, id: 'B' }]))) as SdkEvent[];
    expect(received.map((e) => ({ ...e }))).toEqual([event, { ...event, id: 'B' }]);
  });

  it('the SDK validates what we decode', () => {
    const ours = fromHttp(toBinary(event)) as CloudEvent;
    expect(() => new SdkEvent({ ...ours }).validate()).not.toThrow();
  });
});

describe('interop: SDK -> ours', () => {
  const sdkEvent = new SdkEvent({ ...event, flag: true, count: 42 });

  it('binary mode: we read the SDK message, Integer and Boolean extensions as canonical strings', () => {
    expect(fromHttp(fromSdk(HTTP.binary(sdkEvent)))).toEqual({ ...event, flag: 'true', count: '42' });
  });

  it('structured mode: we read the SDK message', () => {
    expect(fromHttp(fromSdk(HTTP.structured(sdkEvent)))).toEqual({ ...event, flag: true, count: 42 });
  });

  it('structured mode with binary data: we read the SDK data_base64', () => {
    const bytes = new SdkEvent({ ...event, datacontenttype: 'image/png', data: new Uint8Array([0, 1, 2]) });
    expect(fromHttp(fromSdk(HTTP.structured(bytes)))).toMatchObject({ datacontenttype: 'image/png', data_base64: 'AAEC' });
  });
});

describe('divergences of the SDK (ours asserted; the SDK behaviour recorded)', () => {
  it('1. percent-encoding on send (binding §3.1.3.2): the SDK sends raw text Node refuses to send', () => {
    const subject = 'Euro € 😀 "q" 100%';
    expect(toBinary({ ...event, subject }).headers['ce-subject']).toBe('Euro%20%E2%82%AC%20%F0%9F%98%80%20%22q%22%20100%25');
    const sdkValue = HTTP.binary(new SdkEvent({ ...event, subject })).headers['ce-subject'] as string;
    expect(sdkValue).toBe(subject);
    expect(() => validateHeaderValue('ce-subject', sdkValue)).toThrow(/Invalid character/);
    expect(() => new Headers({ 'ce-subject': sdkValue })).toThrow(/ByteString/);
  });

  it('2. percent-decoding on receipt (§3.1.3.2): the SDK leaves %XX escapes in the value', () => {
    const headers = { ...toBinary(event).headers, 'ce-subject': 'Euro%20%E2%82%AC' };
    expect((fromHttp({ headers, body: '{}' }) as CloudEvent).subject).toBe('Euro €');
    expect(sdkRead({ headers, body: '{}' }).subject).toBe('Euro%20%E2%82%AC');
  });

  it('3. invalid UTF-8 MUST be rejected (§3.1.3.2): the SDK accepts %C0%A0', () => {
    const headers = { ...toBinary(event).headers, 'ce-subject': '%C0%A0' };
    expect(ourError(() => fromHttp({ headers, body: '{}' })).code).toBe('CE_INVALID_UTF8');
    expect(sdkRead({ headers, body: '{}' }).subject).toBe('%C0%A0');
  });

  it('4. quoted strings MUST be unescaped (§3.1.3.2): the SDK keeps the quotes', () => {
    const headers = { ...toBinary(event).headers, 'ce-subject': '"a b"' };
    expect((fromHttp({ headers, body: '{}' }) as CloudEvent).subject).toBe('a b');
    expect(sdkRead({ headers, body: '{}' }).subject).toBe('"a b"');
  });

  it('5. charset parameter in structured mode (§3.2.1): the SDK rejects charset=UTF-8', () => {
    const message = { headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' }, body: JSON.stringify(event) };
    expect(fromHttp(message)).toEqual(event);
    expect(sdkError(() => HTTP.toEvent(message))).toBe('invalid content type application/cloudevents+json; charset=UTF-8');
  });

  it('6. charset parameter in binary mode: the SDK leaves JSON data unparsed unless the type is exactly its own', () => {
    const headers = { ...toBinary(event).headers, 'content-type': 'application/json; charset=UTF-8' };
    expect((fromHttp({ headers, body: '{"a":1}' }) as CloudEvent).data).toEqual({ a: 1 });
    expect(sdkRead({ headers, body: '{"a":1}' }).data).toBe('{"a":1}');
  });

  it('7. media types are case-insensitive (RFC 9110 §8.3.1): the SDK misses Application/CloudEvents+JSON', () => {
    const message = { headers: { 'content-type': 'Application/CloudEvents+JSON' }, body: JSON.stringify(event) };
    expect(fromHttp(message)).toEqual(event);
    expect(sdkError(() => HTTP.toEvent(message))).toBe('no cloud event detected');
  });

  it('8. header names are case-insensitive (§3.1.3.1): the SDK drops an extension sent as CE-MyExt', () => {
    const headers = { ...toBinary(event).headers, 'CE-MyExt': 'v' };
    expect(fromHttp({ headers, body: '{}' })).toMatchObject({ myext: 'v' });
    expect(sdkRead({ headers, body: '{}' })).not.toHaveProperty('myext');
  });

  it('9. a string under a JSON type is a JSON string (JSON format §3.1): the SDK sends it unquoted', () => {
    const text = { ...event, data: 'hello' };
    expect(toBinary(text).body?.toString()).toBe('"hello"');
    expect(HTTP.binary(new SdkEvent(text)).body).toBe('hello');
  });

  it('10. a JSON number body stays a number: the SDK turns it into a string', () => {
    const headers = toBinary(event).headers;
    expect((fromHttp({ headers, body: '42' }) as CloudEvent).data).toBe(42);
    expect(sdkRead({ headers, body: '42' }).data).toBe('42');
  });

  it('11. time is kept as sent: the SDK rewrites it, and invents one when absent', () => {
    const headers = { ...toBinary(event).headers, 'ce-time': '2018-04-05T17:31:00.123456+02:00' };
    expect((fromHttp({ headers, body: '{}' }) as CloudEvent).time).toBe('2018-04-05T17:31:00.123456+02:00');
    expect(sdkRead({ headers, body: '{}' }).time).toBe('2018-04-05T15:31:00.123Z');
    const { time: _omitted, ...untimed } = event;
    expect(fromHttp(toStructured(untimed))).not.toHaveProperty('time');
    expect(sdkRead(asSdkMessage(toStructured(untimed))).time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('12. a REQUIRED id is required: the SDK invents one for a structured event without it', () => {
    const { id: _omitted, ...noId } = event;
    const message = { headers: { 'content-type': 'application/cloudevents+json' }, body: JSON.stringify(noId) };
    expect(ourError(() => fromHttp(message)).code).toBe('CE_MISSING_ATTRIBUTE');
    expect(sdkRead(message).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('13. ce-datacontenttype MUST NOT be present (§3.1.1): the SDK accepts it, overriding Content-Type', () => {
    const headers = { ...toBinary(event).headers, 'ce-datacontenttype': 'text/plain' };
    expect(ourError(() => fromHttp({ headers, body: '{}' })).code).toBe('CE_INVALID_HEADER');
    expect(sdkRead({ headers, body: '{}' }).datacontenttype).toBe('text/plain');
  });

  it('14. a batch MUST share one specversion (§3.3.2): the SDK accepts a mixed batch', () => {
    const body = JSON.stringify([event, { ...event, specversion: '0.3' }]);
    const message = { headers: { 'content-type': 'application/cloudevents-batch+json' }, body };
    expect(ourError(() => fromHttp(message)).code).toBe('CE_INVALID_ATTRIBUTE');
    expect((HTTP.toEvent(message) as SdkEvent[]).map((e) => e.specversion)).toEqual(['1.0', '0.3']);
  });

  it('15. untyped binary data: the SDK labels bytes application/json; we send application/octet-stream', () => {
    const bytes = { specversion: '1.0', id: '1', source: '/s', type: 't', data: new Uint8Array([0xff, 0x00]) };
    expect(toBinary(bytes).headers['content-type']).toBe('application/octet-stream');
    const sdk = HTTP.binary(new SdkEvent(bytes));
    expect(sdk.headers['content-type']).toBe('application/json; charset=utf-8');
    // Taken at its word, the SDK's message is invalid JSON; we reject it rather than guess.
    expect(ourError(() => fromHttp({ headers: sdk.headers as Record<string, string>, body: sdk.body })).code).toBe('CE_INVALID_UTF8');
  });
});
