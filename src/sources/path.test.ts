import { describe, expect, it, vi } from 'vitest';
import { safePath, safeRoute } from './path.js';

describe('safePath', () => {
  it('returns a safe single segment untouched after a slash (fast path)', () => {
    expect(safePath('com.my.event')).toBe('/com.my.event');
    expect(safePath('aws.events')).toBe('/aws.events');
    expect(safePath('arn:aws:sqs:us-east-1:123:q')).toBe('/arn:aws:sqs:us-east-1:123:q');
    expect(safePath("a-b_c~d!e$f&g'h(i)j*k+l,m;n=o:p@q")).toBe("/a-b_c~d!e$f&g'h(i)j*k+l,m;n=o:p@q");
  });

  it('does not double a leading slash and keeps inner segments', () => {
    expect(safePath('/my/context')).toBe('/my/context');
    expect(safePath('//my//context/')).toBe('/my/context');
    expect(safePath('https://example.com/a/b')).toBe('/https:/example.com/a/b');
  });

  it('drops dot segments so a path cannot climb', () => {
    expect(safePath('../../etc/passwd')).toBe('/etc/passwd');
    expect(safePath('a/./b')).toBe('/a/b');
    expect(safePath('a/../../b')).toBe('/a/b');
    expect(safePath('..')).toBe('/');
    expect(safePath('.')).toBe('/');
    expect(safePath('...')).toBe('/...');
  });

  it('yields / for values that sanitise to nothing', () => {
    expect(safePath('')).toBe('/');
    expect(safePath('/')).toBe('/');
    expect(safePath('/./.././/')).toBe('/');
  });

  it('never yields a query string or a fragment', () => {
    expect(safePath('x?y#z')).toBe('/x%3Fy%23z');
    expect(safePath('?')).toBe('/%3F');
    expect(safePath('#')).toBe('/%23');
  });

  it('drops dot segments spelled with percent-encoded dots, which decoding routers resolve', () => {
    expect(safePath('%2e%2e')).toBe('/');
    expect(safePath('%2e%2e/%2E%2E/x')).toBe('/x');
    expect(safePath('%2E%2e/x')).toBe('/x');
    expect(safePath('.%2e/a/%2e/b')).toBe('/a/b');
    expect(safePath('%2e%2e%2e')).toBe('/%252e%252e%252e');
  });

  it('encodes other percent signs, so escapes stay literal text', () => {
    expect(safePath('100%')).toBe('/100%25');
    expect(safePath('%2e%2e%2Fadmin')).toBe('/%252e%252e%252Fadmin');
    expect(safePath('a%2Fb')).toBe('/a%252Fb');
  });

  it('treats a backslash as a separator (WHATWG URL does, for http:), so it cannot climb', () => {
    expect(safePath('..\\..\\admin')).toBe('/admin');
    expect(safePath('\\')).toBe('/');
    expect(safePath('/\\host')).toBe('/host');
    expect(safePath('a\\b')).toBe('/a/b');
  });

  it('never yields an authority (`//host`)', () => {
    expect(safePath('//host')).toBe('/host');
    expect(safePath('//host/x')).toBe('/host/x');
  });

  it('encodes control characters, spaces and non-ASCII as UTF-8', () => {
    expect(safePath('a\r\nb')).toBe('/a%0D%0Ab');
    expect(safePath('a\u0000b')).toBe('/a%00b');
    expect(safePath('a b')).toBe('/a%20b');
    expect(safePath('café')).toBe('/caf%C3%A9');
    expect(safePath('😀')).toBe('/%F0%9F%98%80');
    expect(safePath('a"c<d>e`f{g}h|i^j[k]l')).toBe('/a%22c%3Cd%3Ee%60f%7Bg%7Dh%7Ci%5Ej%5Bk%5Dl');
  });

  it('does not throw on lone surrogates (replaced by U+FFFD)', () => {
    expect(safePath('a\uD800b')).toBe('/a%EF%BF%BDb');
    expect(safePath('\uDC00')).toBe('/%EF%BF%BD');
    expect(safePath('x/\uD83D')).toBe('/x/%EF%BF%BD');
  });

  it('handles a 10 kB value', () => {
    const long = 'a/'.repeat(5_000);
    const path = safePath(long);
    expect(path).toBe('/a'.repeat(5_000));
    const hostile = '../?#%\r\n'.repeat(1_250);
    const safe = safePath(hostile);
    expect(safe).not.toMatch(/[?#\r\n]/);
    expect(safe.split('/').slice(1)).not.toContain('..');
  });

  it('output only ever holds path characters and escapes', () => {
    const samples = ['../x', 'a?b', 'é/ü', '\u0000', ' ', '%', 'a/b/../c', '\uD800\uDC00', '\t/\v'];
    for (const sample of samples) {
      expect(safePath(sample)).toMatch(/^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/);
    }
  });

  it('replaces lone surrogates itself where String.prototype.toWellFormed is missing', async () => {
    const proto = String.prototype as { toWellFormed?: unknown };
    const original = proto.toWellFormed;
    delete proto.toWellFormed;
    try {
      vi.resetModules();
      const fresh = await import('./path.js');
      expect(fresh.safePath('a\uD800b/\uDC00/\uD83D\uDE00')).toBe('/a%EF%BF%BDb/%EF%BF%BD/%F0%9F%98%80');
    } finally {
      proto.toWellFormed = original;
      vi.resetModules();
    }
  });
});

describe('safeRoute', () => {
  it('appends each value as one segment under the prefix (fast path for plain names)', () => {
    expect(safeRoute('/aws.appsync', 'Query', 'getPost')).toBe('/aws.appsync/Query/getPost');
    expect(safeRoute('/aws.states', 'Charge card')).toBe('/aws.states/Charge%20card');
    expect(safeRoute('/aws.secretsmanager', 'createSecret')).toBe('/aws.secretsmanager/createSecret');
  });

  it('is the bare prefix when a value is missing or sanitises to nothing', () => {
    for (const value of [undefined, '', '.', '..', '%2e%2e', '%2E.', '/', '\\', '//', '../..', '..\\..']) {
      expect(safeRoute('/aws.appsync', value, 'admin')).toBe('/aws.appsync');
      expect(safeRoute('/aws.appsync', 'Query', value)).toBe('/aws.appsync');
    }
  });

  it('keeps a value with separators one segment: dot parts dropped, separators as %2F', () => {
    expect(safeRoute('/aws.states', 'a/../b')).toBe('/aws.states/a%2Fb');
    expect(safeRoute('/aws.states', '..\\..\\admin')).toBe('/aws.states/admin');
    expect(safeRoute('/aws.states', '//host')).toBe('/aws.states/host');
    expect(safeRoute('/aws.states', '%2E%2e/x')).toBe('/aws.states/x');
  });

  it('never yields a query, a fragment, control characters or a lone surrogate', () => {
    expect(safeRoute('/p', '?x=1')).toBe('/p/%3Fx=1');
    expect(safeRoute('/p', '#frag')).toBe('/p/%23frag');
    expect(safeRoute('/p', 'a\r\nb\u0000')).toBe('/p/a%0D%0Ab%00');
    expect(safeRoute('/p', 'caf\u00e9', '\uD800')).toBe('/p/caf%C3%A9/%EF%BF%BD');
  });
});
