/**
 * SNS message signatures (docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html):
 * SignatureVersion 1 is SHA1withRSA, 2 SHA256withRSA, over the canonical string of the message's
 * fields; the certificate is fetched only from `https://sns.<region>.amazonaws.com/...pem`, and cached.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { OutboundFetch } from '../options.js';
import { isSnsUrl } from './sns-url.js';
import type { SnsHttpMessage } from '../senders/sns.js';
import { gatewayError } from '../types.js';

const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;
const ALGORITHMS: Record<string, string> = { '1': 'sha1', '2': 'sha256' };
const MAX_CACHED_CERTIFICATES = 32;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * The string SNS signs: `Name\nValue\n` for each signed field present, in this order (Notification:
 * Message, MessageId, Subject, Timestamp, TopicArn, Type; confirmations: Message, MessageId,
 * SubscribeURL, Timestamp, Token, TopicArn, Type).
 *
 * @example
 * canonicalString({ Type: 'Notification', Message: 'hi', MessageId: '1', Timestamp: 't', TopicArn: 'arn' } as SnsHttpMessage);
 * // 'Message\nhi\nMessageId\n1\nTimestamp\nt\nTopicArn\narn\nType\nNotification\n'
 */
export function canonicalString(message: SnsHttpMessage): string {
  const fields = message.Type === 'Notification' ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  let text = '';
  for (const field of fields) {
    const value = (message as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string') text += `${field}\n${value}\n`;
  }
  return text;
}

/**
 * A verifier of SNS messages' signatures; rejects with a 403 GatewayError (`SIGNATURE_INVALID`) when
 * the signature version is unknown, the certificate URL is not SNS's, the certificate cannot be had,
 * or the signature does not match. Certificates (their public keys) are cached by URL.
 *
 * @example
 * const check = snsSignatureVerifier(fetch);
 * await check(message); // resolves when the signature is SNS's
 */
export function snsSignatureVerifier(fetchImpl: OutboundFetch): (message: SnsHttpMessage) => Promise<void> {
  const certificates = new Map<string, Promise<KeyObject>>();
  const certificate = (url: string): Promise<KeyObject> => {
    let cached = certificates.get(url);
    if (cached === undefined) {
      cached = fetchImpl(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }).then(async (response) => {
        if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
        return createPublicKey(await response.text());
      });
      // A failed fetch is not kept: the next message tries again.
      cached.catch(() => certificates.delete(url));
      if (certificates.size >= MAX_CACHED_CERTIFICATES) certificates.delete(certificates.keys().next().value as string);
      certificates.set(url, cached);
    }
    return cached;
  };
  return async (message) => {
    const algorithm = ALGORITHMS[message.SignatureVersion];
    if (algorithm === undefined) throw refused(`SignatureVersion ${JSON.stringify(message.SignatureVersion)} is not 1 or 2`);
    if (!isSnsUrl(message.SigningCertURL, '.pem')) throw refused(`SigningCertURL ${JSON.stringify(message.SigningCertURL)} is not an https://sns.<region>.amazonaws.com/ certificate`);
    let key: KeyObject;
    try {
      key = await certificate(message.SigningCertURL);
    } catch (error) {
      throw refused(`cannot get the signing certificate: ${(error as Error).message}`, error);
    }
    const valid = verify(algorithm, Buffer.from(canonicalString(message), 'utf8'), key, Buffer.from(message.Signature, 'base64'));
    if (!valid) throw refused('the signature does not match the message');
  };
}

function refused(reason: string, cause?: unknown) {
  return gatewayError(403, 'SIGNATURE_INVALID', `SNS signature check failed: ${reason}`, cause);
}
