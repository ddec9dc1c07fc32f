import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { isNotJson, jsonPayload, parseJson } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, textField } from '../../convert/values.js';
import type { PlainSource } from '../../types.js';

/** An AWS Config custom rule evaluation request. `invokingEvent` and `ruleParameters` are JSON strings. */
export interface ConfigRuleEvent {
  configRuleId: string;
  configRuleArn?: string;
  configRuleName?: string;
  invokingEvent?: string;
  ruleParameters?: string;
  resultToken?: string;
  eventLeftScope?: boolean;
  executionRoleArn?: string;
  accountId?: string;
  version?: string;
}

/**
 * AWS Config rules: `configRuleId`, a name no other event uses.
 *
 * @example
 * isConfigRuleEvent({ configRuleId: 'config-rule-0123456' }); // true
 */
export function isConfigRuleEvent(event: unknown): event is ConfigRuleEvent {
  return typeof event === 'object' && event !== null && (event as { configRuleId?: unknown }).configRuleId !== undefined;
}

/** The configuration item of a change notification (the summary, for oversized ones). */
function configurationItem(invoking: unknown): unknown {
  return field(invoking, 'configurationItem') ?? field(invoking, 'configurationItemSummary');
}

/** The `subject` of a change notification: `resourceType/resourceId` of the configuration item. */
function itemSubject(item: unknown): string | undefined {
  const type = textField(item, 'resourceType');
  const id = textField(item, 'resourceId');
  return type !== undefined && id !== undefined ? `${type}/${id}` : undefined;
}

/**
 * Config: one CloudEvent. id `resultToken` (one per evaluation; else the request id); source
 * `configRuleArn`; type `com.amazonaws.config.` + the invoking event's `messageType`
 * (`ConfigurationItemChangeNotification`, `ScheduledNotification`, ...); subject `resourceType/resourceId`
 * of the configuration item, when there is one; time the invoking event's `notificationCreationTime` (else the item's capture time);
 * data the event unchanged. Path `/aws.config`, answer `reject`.
 *
 * @example
 * configSource.toCloudEvents(event)[0].type; // 'com.amazonaws.config.ScheduledNotification'
 */
export const configSource: PlainSource<ConfigRuleEvent> = {
  name: 'aws.config',
  detect: isConfigRuleEvent,
  route: () => '/aws.config',
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const raw = field(event, 'invokingEvent');
      const parsed = typeof raw === 'string' ? parseJson(raw) : raw;
      const invoking = isNotJson(parsed) ? undefined : parsed;
      const item = configurationItem(invoking);
      return [
        buildCloudEvent(
          {
            id: textField(event, 'resultToken') ?? invocationId(context),
            source: textField(event, 'configRuleArn') ?? 'aws:config',
            type: `com.amazonaws.config.${textField(invoking, 'messageType') ?? 'evaluation'}`,
            subject: itemSubject(item),
            time:
              toRfc3339(field(invoking, 'notificationCreationTime')) ??
              toRfc3339(field(item, 'configurationItemCaptureTime')),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'reject',
};
