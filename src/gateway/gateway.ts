/**
 * The gateway's core, loaded on first use of `createEventGateway` (so that Lambda users never load
 * it): admit a push (closing, in-flight cap), answer the webhook handshake, authenticate, recognise
 * the sender, verify SNS signatures, deliver, answer.
 */
import { createAuthenticator } from './auth/index.js';
import type { Authenticator } from './auth/index.js';
import { deliverPush } from './deliver.js';
import type { PushLink } from './deliver.js';
import { fetchHandler } from './http/fetch.js';
import { nodeListener } from './http/node.js';
import { DEFAULT_RETRY_AFTER_SECONDS, GOOGLE_JWKS_URI } from './options.js';
import type { ResolvedGatewayOptions } from './options.js';
import { EXPECTED, senders, webhookHandshake } from './senders/index.js';
import type { Sender, Work } from './senders/index.js';
import { parseJson } from './senders/answers.js';
import { isSnsUrl, snsMessage } from './senders/sns.js';
import type { SnsHttpMessage } from './senders/sns.js';
import { emptyAnswer, errorAnswer, gatewayError, isGatewayError, jsonAnswer } from './types.js';
import type { GatewayAnswer, PushRequest } from './types.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The loaded gateway: its Node listener, fetch handler, and close. */
export interface GatewayCore {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  fetch: (request: Request) => Promise<Response>;
  handle: (push: PushRequest) => Promise<GatewayAnswer>;
  close: () => Promise<void>;
  inFlight: () => number;
}

/**
 * Build the gateway's core over a delivery link.
 *
 * @example
 * const core = await createGatewayCore({ dispatch, options: resolved.delivery }, resolved);
 * http.createServer(core.listener);
 */
export async function createGatewayCore(link: PushLink, options: ResolvedGatewayOptions): Promise<GatewayCore> {
  const authenticate = await createAuthenticator(options.auth, options.outboundFetch, GOOGLE_JWKS_URI);
  let verifySignature: ((message: SnsHttpMessage) => Promise<void>) | undefined;
  const verifier = async () => (verifySignature ??= (await import('./auth/sns-signature.js')).snsSignatureVerifier(options.outboundFetch));
  const allowedOrigins = options.auth.eventGrid?.allowedOrigins ?? [];
  const allowedTopics = new Set(options.auth.sns?.topicArns ?? []);
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  const handle = async (push: PushRequest): Promise<GatewayAnswer> => {
    if (closing) return errorAnswer(gatewayError(503, 'CLOSING', 'the gateway is shutting down'), { 'retry-after': String(DEFAULT_RETRY_AFTER_SECONDS), connection: 'close' });
    if (inFlight >= options.maxInFlight) {
      return errorAnswer(gatewayError(429, 'TOO_MANY_IN_FLIGHT', `${inFlight} pushes are being delivered (maxInFlight)`), { 'retry-after': String(DEFAULT_RETRY_AFTER_SECONDS) });
    }
    inFlight++;
    try {
      const answer = await answerPush(push).catch(failed);
      // Shutting down: the connection closes once this answer is out, so that the server can stop.
      if (closing) answer.headers.connection = 'close';
      return answer;
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  };

  const answerPush = async (push: PushRequest): Promise<GatewayAnswer> => {
    const handshake = webhookHandshake(push, allowedOrigins);
    if (handshake !== undefined) return handshake;
    if (push.method === 'OPTIONS') return emptyAnswer(204, { allow: 'POST, OPTIONS' });
    // The SNS message, parsed and its signature verified once, for authentication and for delivery.
    let sns: Promise<SnsHttpMessage | undefined> | undefined;
    const verifiedSns = () =>
      (sns ??= push.headers['x-amz-sns-message-type'] === undefined ? Promise.resolve(undefined) : verifySns(push));
    if (authenticate !== undefined) await authenticateOrThrow(authenticate, push, verifiedSns);
    const { sender, json } = recognise(push);
    const message = sender.signed === true ? await verifiedSns() : undefined;
    const work = sender.toEvents(push, json, { mode: link.options.mode });
    return perform(sender, work, message);
  };

  const verifySns = async (push: PushRequest): Promise<SnsHttpMessage> => {
    const message = snsMessage(push);
    await (await verifier())(message);
    return message;
  };

  const perform = async (sender: Sender, work: Work, message: SnsHttpMessage | undefined): Promise<GatewayAnswer> => {
    if (work.kind === 'answer') return work.answer;
    if (work.kind === 'confirm') return confirm(work.url, work.topicArn, message);
    const outcomes = await deliverPush(work.deliver, work.events, link, Date.now() + options.timeoutMs, work.path);
    return sender.answer(outcomes, work);
  };

  const confirm = async (url: string, topicArn: string, message: SnsHttpMessage | undefined): Promise<GatewayAnswer> => {
    if (message === undefined || !allowedTopics.has(topicArn)) {
      throw gatewayError(403, 'TOPIC_NOT_ALLOWED', `the subscription to ${topicArn} is not confirmed: the topic is not in auth.sns.topicArns`);
    }
    if (!isSnsUrl(url)) throw gatewayError(400, 'CONFIRMATION_FAILED', `SubscribeURL ${JSON.stringify(url)} is not an https://sns.<region>.amazonaws.com/ URL`);
    let response: Response;
    try {
      response = await options.outboundFetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw gatewayError(502, 'CONFIRMATION_FAILED', `GET SubscribeURL failed: ${(error as Error).message}`, error);
    }
    if (!response.ok) throw gatewayError(502, 'CONFIRMATION_FAILED', `GET SubscribeURL answered ${response.status}`);
    console.info(`cloud-events-handler: confirmed the SNS subscription to ${topicArn}`);
    return emptyAnswer(200);
  };

  const close = (): Promise<void> => {
    closing = true;
    if (inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const previous = drained;
      drained = () => {
        previous?.();
        resolve();
      };
    });
  };

  return {
    listener: nodeListener(handle, options.maxBodyBytes),
    fetch: fetchHandler(handle, options.maxBodyBytes),
    handle,
    close,
    inFlight: () => inFlight,
  };
}

function failed(error: unknown): GatewayAnswer {
  if (isGatewayError(error)) return errorAnswer(error, error.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
  console.error('cloud-events-handler: the gateway failed on a push:', error);
  return jsonAnswer(500, { error: { code: 'GATEWAY_ERROR', message: 'the gateway failed' } });
}

async function authenticateOrThrow(authenticate: Authenticator, push: PushRequest, sns: () => Promise<SnsHttpMessage | undefined>): Promise<void> {
  const problem = await authenticate(push, sns);
  if (problem !== undefined) throw gatewayError(401, 'UNAUTHORISED', `no valid credentials: ${problem}`);
}

/** The first sender that recognises the push; its body's JSON parsed once, when a sender needs it. */
function recognise(push: PushRequest): { sender: Sender; json: unknown } {
  let parsed: { value: unknown } | undefined | null = null;
  for (const sender of senders) {
    if (!sender.needsJson) {
      if (sender.recognise(push, undefined)) return { sender, json: undefined };
      continue;
    }
    if (parsed === null) {
      parsed = push.body.length === 0 ? undefined : parseJson(push.body);
      if (parsed === undefined && push.body.length > 0) throw gatewayError(400, 'MALFORMED_JSON', `the body is not JSON; expected ${EXPECTED.join(', or ')}`);
    }
    if (parsed !== undefined && sender.recognise(push, parsed.value)) return { sender, json: parsed.value };
  }
  throw gatewayError(400, 'UNRECOGNISED_PUSH', `nothing recognised this push; expected ${EXPECTED.join(', or ')}`);
}
