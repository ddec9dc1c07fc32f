/**
 * The gateway's authentication, loaded only when configured: a push is let in when it satisfies any
 * configured mode (`token`, `pubsub`, `sns`); `eventGrid` authenticates nothing (it answers the
 * `OPTIONS` handshake).
 */
import type { GatewayAuth, OutboundFetch } from '../options.js';
import type { SnsHttpMessage } from '../senders/sns.js';
import type { PushRequest } from '../types.js';

/** Resolves `undefined` when the push may go on, else why none of the modes let it in. */
export type Authenticator = (push: PushRequest, snsMessage: () => Promise<SnsHttpMessage | undefined>) => Promise<string | undefined>;

/**
 * The authenticator for `auth`, or `undefined` when no mode that authenticates is configured. Each
 * mode's code is imported only when that mode is set.
 *
 * @example
 * const authenticate = await createAuthenticator({ token: { value: 's3cret' } }, fetch, GOOGLE_JWKS_URI);
 * await authenticate?.(push, async () => undefined); // undefined: let in
 */
export async function createAuthenticator(auth: GatewayAuth, fetchImpl: OutboundFetch, defaultJwksUri: string): Promise<Authenticator | undefined> {
  if (auth.token === undefined && auth.pubsub === undefined && auth.sns === undefined) return undefined;
  const token = auth.token !== undefined ? (await import('./token.js')).tokenCheck(auth.token) : undefined;
  const oidc = auth.pubsub !== undefined ? (await import('./pubsub-oidc.js')).oidcVerifier({ ...auth.pubsub, jwksUri: auth.pubsub.jwksUri ?? defaultJwksUri }, fetchImpl) : undefined;
  const topics = auth.sns !== undefined ? new Set(auth.sns.topicArns) : undefined;
  return async (push, snsMessage) => {
    const reasons: string[] = [];
    if (token !== undefined) {
      if (token(push.headers)) return undefined;
      reasons.push(`token: no matching ${auth.token?.header ?? 'authorization'} header`);
    }
    if (oidc !== undefined) {
      const problem = await oidc(push.headers.authorization);
      if (problem === undefined) return undefined;
      reasons.push(`pubsub: ${problem}`);
    }
    if (topics !== undefined) {
      const message = await snsMessage();
      if (message !== undefined && topics.has(message.TopicArn)) return undefined;
      reasons.push(message === undefined ? 'sns: not an SNS message' : `sns: topic ${message.TopicArn} is not in auth.sns.topicArns`);
    }
    return reasons.join('; ');
  };
}
