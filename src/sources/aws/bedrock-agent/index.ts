import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { field, isObject, textField } from '../../convert/values.js';
import { encodeSegment, safeRoute } from '../../path.js';
import type { ResponseSource } from '../../types.js';
import { bedrockAgentResult } from './result.js';

export { bedrockAgentResult, type BedrockAgentResult } from './result.js';

/** One parameter or request body property the agent elicited (values are always strings). */
export interface BedrockAgentParameter {
  name: string;
  type: string;
  value: string;
}

/**
 * The Lambda input event of an Amazon Bedrock agent's action group: `apiPath`, `httpMethod` and
 * `requestBody` when the group is defined by an OpenAPI schema, `function` when by function details.
 */
export interface BedrockAgentEvent {
  messageVersion: string;
  agent: { name: string; id: string; alias: string; version: string };
  inputText?: string;
  sessionId?: string;
  actionGroup: string;
  apiPath?: string;
  httpMethod?: string;
  function?: string;
  parameters?: BedrockAgentParameter[];
  requestBody?: { content?: Record<string, { properties?: BedrockAgentParameter[] }> };
  sessionAttributes?: Record<string, string>;
  promptSessionAttributes?: Record<string, string>;
}

/**
 * Bedrock agent action groups: string `messageVersion` and `actionGroup`, an `agent` object, and a
 * string `apiPath` (OpenAPI schema) or `function` (function details). An agent's other Lambda hooks
 * (custom orchestration, parsers) carry no `actionGroup`, and no other source has these names.
 *
 * @example
 * isBedrockAgentEvent({ messageVersion: '1.0', agent: { id: 'A' }, actionGroup: 'G', function: 'f' }); // true
 * isBedrockAgentEvent({ messageVersion: '1.0', agent: { id: 'A' }, promptType: 'ORCHESTRATION' });   // false
 */
export function isBedrockAgentEvent(event: unknown): event is BedrockAgentEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return (
    typeof candidate.actionGroup === 'string' &&
    typeof candidate.messageVersion === 'string' &&
    isObject(candidate.agent) &&
    (typeof candidate.apiPath === 'string' || typeof candidate.function === 'string')
  );
}

/** `{claimId}`: an OpenAPI path template segment; compiled once. */
const TEMPLATE_SEGMENT = /^\{([^{}]+)\}$/;

/**
 * The segments of an OpenAPI `apiPath` (`/claims/{claimId}/send-reminders`), each template segment
 * filled with the elicited parameter of that name (the agent sends the template, and the values in
 * `parameters`), so that the app routes it as it would the REST call (`/claims/:claimId/...`). A
 * template without a string parameter stays as written. Empty segments are dropped.
 */
function apiPathSegments(apiPath: string, parameters: unknown): string[] {
  const segments: string[] = [];
  for (const segment of apiPath.split('/')) {
    if (segment === '') continue;
    const name = TEMPLATE_SEGMENT.exec(segment)?.[1];
    segments.push(name === undefined ? segment : (parameterValue(parameters, name) ?? segment));
  }
  return segments;
}

function parameterValue(parameters: unknown, name: string): string | undefined {
  if (!Array.isArray(parameters)) return undefined;
  for (const parameter of parameters) {
    if (isObject(parameter) && parameter.name === name && typeof parameter.value === 'string') return parameter.value;
  }
  return undefined;
}

/**
 * The event-mode path: `/aws.bedrock-agent/<actionGroup>` + the filled `apiPath` (schema form) or
 * `/<function>` (function details), every value one segment made safe by `safeRoute` (a hostile
 * value never climbs out of `/aws.bedrock-agent` nor lands on another route: any value that
 * sanitises to nothing yields the prefix alone).
 *
 * @example
 * bedrockAgentRoute({ ...event, actionGroup: 'Claims', apiPath: '/claims/{id}', parameters: [{ name: 'id', type: 'string', value: 'c-6' }] });
 * // '/aws.bedrock-agent/Claims/claims/c-6'
 * bedrockAgentRoute({ ...event, actionGroup: 'Booking', function: 'createBooking' }); // '/aws.bedrock-agent/Booking/createBooking'
 */
export function bedrockAgentRoute(event: BedrockAgentEvent): string {
  const group = textField(event, 'actionGroup');
  const apiPath = field(event, 'apiPath');
  if (typeof apiPath === 'string') return safeRoute('/aws.bedrock-agent', group, ...apiPathSegments(apiPath, field(event, 'parameters')));
  return safeRoute('/aws.bedrock-agent', group, textField(event, 'function'));
}

/**
 * Bedrock agent action groups: one CloudEvent. id the request id (`sessionId` spans a conversation);
 * source `aws:bedrock:agent/` + agent id (`aws:bedrock:agent`); type `com.amazonaws.bedrock.agent.api`
 * (OpenAPI schema) or `com.amazonaws.bedrock.agent.function` (function details); subject
 * `<actionGroup><apiPath>` or `<actionGroup>/<function>`; data the event. The agent waits for the
 * answer, so the answer is `response`: `bedrockAgentResult` puts the app's answer, whatever its status,
 * into the response the agent expects (a throw or a timeout rejects the invocation).
 *
 * @example
 * bedrockAgentSource.toCloudEvents(event)[0].type; // 'com.amazonaws.bedrock.agent.function'
 */
export const bedrockAgentSource: ResponseSource<BedrockAgentEvent> = {
  name: 'aws.bedrock-agent',
  detect: isBedrockAgentEvent,
  route: bedrockAgentRoute,
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const agent = textField(field(event, 'agent'), 'id');
      const group = textField(event, 'actionGroup') ?? '';
      const apiPath = textField(event, 'apiPath');
      const action = apiPath ?? textField(event, 'function');
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: agent === undefined ? 'aws:bedrock:agent' : `aws:bedrock:agent/${encodeSegment(agent)}`,
            type: apiPath === undefined ? 'com.amazonaws.bedrock.agent.function' : 'com.amazonaws.bedrock.agent.api',
            subject: action === undefined ? group : apiPath === undefined ? `${group}/${action}` : group + action,
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'response',
  respond: bedrockAgentResult,
};
