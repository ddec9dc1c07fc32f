import type { SecretsManagerRotationEvent } from 'aws-lambda';
import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { textField } from '../../convert/values.js';
import { encodeSegment, safeRoute } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * Secrets Manager rotation: string `ClientRequestToken` with string `SecretId`. `SecretId` alone is a
 * plausible field elsewhere; the token (the new secret version's id) comes only with rotation steps.
 *
 * @example
 * isSecretsManagerRotationEvent({ Step: 'createSecret', SecretId: 'arn:...', ClientRequestToken: 't' }); // true
 */
export function isSecretsManagerRotationEvent(event: unknown): event is SecretsManagerRotationEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.ClientRequestToken === 'string' && typeof candidate.SecretId === 'string';
}

/**
 * The path of a rotation step: `/aws.secretsmanager/` + `Step` as Secrets Manager spells it
 * (`createSecret`, `setSecret`, `testSecret`, `finishSecret`), as one safe segment (see `safeRoute`);
 * `/aws.secretsmanager` without a usable step. One route per step, so an app routes steps with its own router.
 *
 * @example
 * secretsManagerRoute({ Step: 'setSecret', SecretId: 's', ClientRequestToken: 't' }); // '/aws.secretsmanager/setSecret'
 */
export function secretsManagerRoute(event: SecretsManagerRotationEvent): string {
  return safeRoute('/aws.secretsmanager', textField(event, 'Step'));
}

/**
 * Secrets Manager rotation: one CloudEvent. id `ClientRequestToken` + `:` + `Step` (the token names
 * the rotation, and each of its four steps is an event); source the `SecretId` (`aws:secretsmanager`);
 * type `com.amazonaws.secretsmanager.rotation.` + Step; data the event. Path
 * `/aws.secretsmanager/<Step>`; answer `json`: the result is the app's JSON body (`null` when empty:
 * rotation steps return nothing), and a non-2xx answer fails the step, which Secrets Manager retries.
 *
 * @example
 * secretsManagerSource.toCloudEvents(event)[0].type; // 'com.amazonaws.secretsmanager.rotation.createSecret'
 */
export const secretsManagerSource: JsonSource<SecretsManagerRotationEvent> = {
  name: 'aws.secretsmanager',
  detect: isSecretsManagerRotationEvent,
  route: secretsManagerRoute,
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const token = textField(event, 'ClientRequestToken');
      const step = textField(event, 'Step') ?? 'step';
      const secret = textField(event, 'SecretId');
      return [
        buildCloudEvent(
          {
            id: token === undefined ? invocationId(context) : `${token}:${step}`,
            source: secret === undefined ? 'aws:secretsmanager' : encodeSegment(secret),
            type: `com.amazonaws.secretsmanager.rotation.${step}`,
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
