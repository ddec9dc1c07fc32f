import { describe, expect, it } from 'vitest';
import {
  addHeader, collectHeaders, decodedQuery, finishHeaders, forwardedFor, headerValue, InvalidRequestError, ipAddress, isTextualType,
  multiValueHeaders, rawQuery, requestBody, requestPath, responseBody, safeRawQuery, setCookies, singleValueHeaders,
  statusDescription, withQuery,
} from './index.js';

describe('request headers', () => {
  it('keeps printable ASCII, HTAB and Latin-1 values, trimmed', () => {
    expect(headerValue('text/html; q=0.9')).toBe('text/html; q=0.9');
    expect(headerValue('  a\tb  ')).toBe('a\tb');
    expect(headerValue('caf\u00e9')).toBe('caf\u00e9');
  });

  it('drops values holding control characters: CR, LF, NUL, DEL, ESC', () => {
    for (const value of ['a\r\nSet-Cookie: x=1', 'a\nb', 'a\rb', 'a\u0000', 'a\u007f', '\u001b[31m']) {
      expect(headerValue(value), JSON.stringify(value)).toBeUndefined();
    }
    expect(headerValue(42)).toBeUndefined();
  });

  it('gives characters above U+00FF as their UTF-8 bytes read as Latin-1, as Node does off the wire', () => {
    expect(headerValue('€')).toBe('\u00e2\u0082\u00ac');
    expect(Buffer.from(headerValue('naïve €') as string, 'latin1').toString('utf8')).toBe('naïve €');
  });

  it('lower-cases names, drops unsafe values, merges repeats as Node does', () => {
    const headers: Record<string, string | string[]> = {};
    addHeader(headers, 'Accept', 'text/html');
    addHeader(headers, 'ACCEPT', 'application/json');
    addHeader(headers, 'Cookie', 'a=1');
    addHeader(headers, 'cookie', 'b=2');
    addHeader(headers, 'Host', 'first.example');
    addHeader(headers, 'host', 'second.example');
    addHeader(headers, 'Set-Cookie', 'x=1');
    addHeader(headers, 'set-cookie', 'y=2');
    addHeader(headers, 'x-evil', 'v\r\nx-injected: 1');
    addHeader(headers, 'x-nul', 'a\u0000b');
    expect(headers).toEqual({
      accept: 'text/html, application/json',
      cookie: 'a=1; b=2',
      host: 'first.example',
      'set-cookie': ['x=1', 'y=2'],
    });
  });

  it('throws a typed 400 error naming the field for a header name that is not a token', () => {
    for (const name of ['bad name', 'x:y', 'x\r\ny', '', 'caf\u00e9']) {
      const error = (() => {
        try {
          collectHeaders({ ok: '1', [name]: 'v' }, undefined);
        } catch (e) {
          return e;
        }
      })();
      expect(error, JSON.stringify(name)).toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ code: 'INVALID_REQUEST', statusCode: 400, field: 'headers' });
    }
    expect(() => collectHeaders(undefined, { 'a b': ['v'] })).toThrow(expect.objectContaining({ field: 'multiValueHeaders' }));
  });

  it('keeps headers named like Object.prototype members, single and repeated', () => {
    const event = JSON.parse('{"constructor":"c1","__proto__":"p1","toString":"t1","hasOwnProperty":"h1"}') as Record<string, unknown>;
    const single = collectHeaders(event, undefined);
    expect(Object.getPrototypeOf(single)).toBe(Object.prototype);
    expect({ ...single }).toEqual(JSON.parse('{"constructor":"c1","__proto__":"p1","tostring":"t1","hasownproperty":"h1"}'));
    const multi = collectHeaders(undefined, JSON.parse('{"Constructor":["c1","c2"],"__proto__":["p1","p2"],"toString":["t1","t2"]}'));
    expect(Object.hasOwn(multi, '__proto__')).toBe(true);
    expect([multi.constructor, multi['__proto__'], multi.tostring]).toEqual(['c1, c2', 'p1, p2', 't1, t2']);
  });

  it('prefers the multi-value map, accepts arrays in the single-value map', () => {
    expect(collectHeaders({ A: 'single' }, { A: ['1', '2'], B: ['x'] })).toEqual({ a: '1, 2', b: 'x' });
    expect(collectHeaders({ A: 'single', C: ['3', '4'] }, undefined)).toEqual({ a: 'single', c: '3, 4' });
    expect(collectHeaders(null, 'x')).toEqual({});
    expect(collectHeaders({ A: 'single' }, {})).toEqual({ a: 'single' });
  });

  it('sets content-length to the delivered body and drops transfer-encoding', () => {
    expect(finishHeaders({ 'transfer-encoding': 'chunked', 'content-length': '99' }, Buffer.from('héllo'))).toEqual({ 'content-length': '6' });
    expect(finishHeaders({ 'content-length': '5' }, undefined)).toEqual({ 'content-length': '0' });
    expect(finishHeaders({ accept: '*/*' }, undefined)).toEqual({ accept: '*/*' });
  });
});

describe('request target', () => {
  it('keeps a normal path, adds a missing leading slash, encodes what a path cannot hold', () => {
    expect(requestPath('/hello/world')).toBe('/hello/world');
    expect(requestPath('/a%20b/c')).toBe('/a%20b/c');
    expect(requestPath('hello')).toBe('/hello');
    expect(requestPath('')).toBe('/');
    expect(requestPath(undefined)).toBe('/');
    expect(requestPath('/a b?c#d')).toBe('/a%20b%3Fc%23d');
    expect(requestPath('/x\r\nHost: evil')).toBe('/x%0D%0AHost:%20evil');
    expect(requestPath('/café')).toBe('/caf%C3%A9');
    expect(requestPath('/a\uD800')).toBe('/a%EF%BF%BD');
    expect(requestPath('/100%/a%2Fb/%zz/%4')).toBe('/100%25/a%2Fb/%25zz/%254');
  });

  it('encodes decoded parameters, the multi-value map first', () => {
    expect(decodedQuery({ name: ['me', 'you'], q: ['a b&c=d'] }, { name: 'ignored' })).toBe('name=me&name=you&q=a%20b%26c%3Dd');
    expect(decodedQuery(undefined, { 'ké y': 'ü/?#%' })).toBe('k%C3%A9%20y=%C3%BC%2F%3F%23%25');
    expect(decodedQuery({}, { a: '1' })).toBe('a=1');
    expect(decodedQuery(null, null)).toBe('');
  });

  it('keeps raw (ALB) parameters as sent, encoding only what a request target cannot hold', () => {
    expect(rawQuery({ x: ['foo%3Dbar', 'a+b'] }, undefined)).toBe('x=foo%3Dbar&x=a+b');
    expect(rawQuery(undefined, { q: 'a b#c', 'k&': 'v=' })).toBe('q=a%20b%23c&k%26=v%3D');
  });

  it('keeps rawQueryString as is unless it holds what a request target cannot', () => {
    expect(safeRawQuery('a=1&a=2&b=%20')).toBe('a=1&a=2&b=%20');
    expect(safeRawQuery('a=1#frag')).toBe('a=1%23frag');
    expect(safeRawQuery(undefined)).toBe('');
    expect(withQuery('/p', '')).toBe('/p');
    expect(withQuery('/p', 'a=1')).toBe('/p?a=1');
  });
});

describe('bodies', () => {
  it('decodes request bodies, base64 when flagged', () => {
    expect(requestBody('aGk=', true)).toEqual(Buffer.from('hi'));
    expect(requestBody('hé', false)).toEqual(Buffer.from([0x68, 0xc3, 0xa9]));
    expect(requestBody('', true)).toBeUndefined();
    expect(requestBody(null, false)).toBeUndefined();
  });

  it('tells textual content types', () => {
    for (const type of ['text/html', 'text/plain; charset=utf-8', 'application/json', 'application/problem+json', 'application/xml',
      'image/svg+xml', 'application/javascript', 'application/x-www-form-urlencoded', 'application/graphql', 'application/vnd.api+json']) {
      expect(isTextualType(type), type).toBe(true);
    }
    for (const type of ['image/png', 'application/octet-stream', 'application/pdf', 'application/jsonx', 'multipart/form-data', undefined]) {
      expect(isTextualType(type), String(type)).toBe(false);
    }
  });

  it('answers text for valid UTF-8 text, base64 for bytes, invalid UTF-8 and content-encoded bodies', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    expect(responseBody({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"é":1}') }))
      .toEqual({ body: '{"é":1}', isBase64Encoded: false });
    expect(responseBody({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: png })).toEqual({ body: 'iVBORwD/', isBase64Encoded: true });
    expect(responseBody({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from([0xc3, 0x28]) }))
      .toEqual({ body: 'wyg=', isBase64Encoded: true });
    expect(responseBody({ statusCode: 200, headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: Buffer.from('hi') }))
      .toEqual({ body: 'aGk=', isBase64Encoded: true });
    expect(responseBody({ statusCode: 200, headers: {}, body: Buffer.from('hi') })).toEqual({ body: 'aGk=', isBase64Encoded: true });
    expect(responseBody({ statusCode: 204, headers: {}, body: Buffer.alloc(0) })).toEqual({ body: '', isBase64Encoded: false });
  });
});

describe('response headers', () => {
  const headers = { 'content-type': 'text/plain', vary: ['accept', 'origin'], 'set-cookie': ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'] };

  it('single-value: repeats joined, the last Set-Cookie kept', () => {
    expect(singleValueHeaders(headers)).toEqual({ 'content-type': 'text/plain', vary: 'accept, origin', 'set-cookie': 'b=2' });
  });

  it('multi-value: every field as an array', () => {
    expect(multiValueHeaders(headers)).toEqual({
      'content-type': ['text/plain'], vary: ['accept', 'origin'], 'set-cookie': ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'],
    });
  });

  it('cookies and status descriptions', () => {
    expect(setCookies(headers)).toEqual(['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2']);
    expect(setCookies({ 'set-cookie': 'a=1' })).toEqual(['a=1']);
    expect(setCookies({})).toEqual([]);
    expect(statusDescription(200)).toBe('200 OK');
    expect(statusDescription(404)).toBe('404 Not Found');
    expect(statusDescription(599)).toBe('599');
  });
});

describe('remote address', () => {
  it('accepts IP addresses only', () => {
    expect(ipAddress('192.168.196.186')).toBe('192.168.196.186');
    expect(ipAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(ipAddress('evil\r\n')).toBeUndefined();
    expect(ipAddress('')).toBeUndefined();
  });

  it('takes the last x-forwarded-for entry, the one the load balancer appended', () => {
    expect(forwardedFor({ 'x-forwarded-for': '10.0.0.1, 54.240.196.186' })).toBe('54.240.196.186');
    expect(forwardedFor({ 'x-forwarded-for': '72.21.198.67' })).toBe('72.21.198.67');
    expect(forwardedFor({ 'x-forwarded-for': '1.2.3.4, not-an-ip' })).toBeUndefined();
    expect(forwardedFor({})).toBeUndefined();
  });
});
