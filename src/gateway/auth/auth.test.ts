// Gateway auth over real HTTP: a shared-secret header, and Pub/Sub OIDC tokens (RS256 JWTs signed here,
// verified against a JWKS this test serves on loopback).
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { express5App } from '../../../test/apps/echo.js';
import { loadFixture } from '../../../test/fixtures/load.js';
import { startGateway, listenOn, push } from '../gateway.testing.js';
import type { GatewayOptions } from '../options.js';

const envelope = loadFixture('documented/google/pubsub-push.json');
const AUDIENCE = 'https://books-abc-uc.a.run.app/push';
const EMAIL = 'pusher@shop-prod.iam.gserviceaccount.com';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
let jwksUri = '';
let jwksFetches = 0;

beforeAll(async () => {
  const jwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
  const served = await listenOn((_req, res) => {
    jwksFetches++;
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'public, max-age=3600');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  jwksUri = served.url + '/certs';
  return served.close;
});

function jwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1', typ: 'JWT' }, key: KeyObject = keys.privateKey): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const valid = () => ({ aud: AUDIENCE, iss: 'https://accounts.google.com', iat: now(), exp: now() + 3600, email: EMAIL, email_verified: true, sub: '1' });

async function start(options: GatewayOptions) {
  const echo = express5App();
  const served = await startGateway(echo.app, options);
  return { url: served.url, echo };
}

describe('auth.token', () => {
  it('the secret in authorization (default) lets in; a wrong, longer, shorter or missing one is 401 and nothing is delivered', async () => {
    const { url, echo } = await start({ auth: { token: { value: 'Bearer s3cret' } } });
    expect((await push(url, envelope, { authorization: 'Bearer s3cret' })).status).toBe(204);
    for (const presented of ['Bearer s3crex', 'Bearer s3cret-and-more', 'Bearer', undefined]) {
      const res = await push(url, envelope, presented === undefined ? {} : { authorization: presented });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(echo.received).toHaveLength(1);
  });

  it('a custom header', async () => {
    const { url } = await start({ auth: { token: { header: 'X-Push-Secret', value: 'abc' } } });
    expect((await push(url, envelope, { 'x-push-secret': 'abc' })).status).toBe(204);
    expect((await push(url, envelope, { authorization: 'abc' })).status).toBe(401);
  });
});

describe('auth.pubsub (OIDC)', () => {
  const options = (): GatewayOptions => ({ auth: { pubsub: { audience: AUDIENCE, serviceAccountEmail: EMAIL, jwksUri } } });

  it('a valid Google-style token lets in (both issuer spellings); the JWKS is fetched once', async () => {
    const before = jwksFetches;
    const { url, echo } = await start(options());
    expect((await push(url, envelope, { authorization: `Bearer ${jwt(valid())}` })).status).toBe(204);
    expect((await push(url, envelope, { authorization: `Bearer ${jwt({ ...valid(), iss: 'accounts.google.com' })}` })).status).toBe(204);
    expect(echo.received).toHaveLength(2);
    expect(jwksFetches - before).toBe(1);
  });

  it.each([
    ['another audience', () => jwt({ ...valid(), aud: 'https://other.example/' })],
    ['another issuer', () => jwt({ ...valid(), iss: 'https://evil.example' })],
    ['expired', () => jwt({ ...valid(), exp: now() - 3600 })],
    ['issued in the future', () => jwt({ ...valid(), iat: now() + 3600 })],
    ['not before later', () => jwt({ ...valid(), nbf: now() + 3600 })],
    ['another email', () => jwt({ ...valid(), email: 'someone@example.com' })],
    ['email not verified', () => jwt({ ...valid(), email_verified: false })],
    ['alg none', () => jwt(valid(), { alg: 'none', kid: 'k1' }).replace(/\.[^.]+$/, '.x')],
    ['alg HS256', () => jwt(valid(), { alg: 'HS256', kid: 'k1' })],
    ['an unknown kid', () => jwt(valid(), { alg: 'RS256', kid: 'k2' })],
    ['another key', () => jwt(valid(), undefined, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['a tampered payload', () => {
      const [h, , s] = jwt(valid()).split('.');
      return `${h}.${Buffer.from(JSON.stringify({ ...valid(), email: 'x@y' })).toString('base64url')}.${s}`;
    }],
  ])('%s: 401, nothing delivered', async (_case, token) => {
    const { url, echo } = await start(options());
    const res = await push(url, envelope, { authorization: `Bearer ${token()}` });
    expect(res.status).toBe(401);
    expect(echo.received).toHaveLength(0);
  });

  it('either configured mode lets in', async () => {
    const { url } = await start({ auth: { token: { header: 'x-secret', value: 'abc' }, pubsub: { audience: AUDIENCE, jwksUri } } });
    expect((await push(url, envelope, { 'x-secret': 'abc' })).status).toBe(204);
    expect((await push(url, envelope, { authorization: `Bearer ${jwt(valid())}` })).status).toBe(204);
    expect((await push(url, envelope)).status).toBe(401);
  });
});
