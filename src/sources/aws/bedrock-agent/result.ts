import type { DispatchResponse } from '../../../dispatch/types.js';
import { isObject } from '../../convert/values.js';
import type { BedrockAgentEvent } from './index.js';

/** The response a Bedrock agent expects from an action group's Lambda function (either form). */
export interface BedrockAgentResult {
  messageVersion: string;
  response:
    | {
        actionGroup: string;
        apiPath: string;
        httpMethod: string;
        httpStatusCode: number;
        responseBody: { [contentType: string]: { body: string } };
      }
    | {
        actionGroup: string;
        function: string;
        functionResponse: { responseState?: 'FAILURE' | 'REPROMPT'; responseBody: { TEXT: { body: string } } };
      };
  sessionAttributes?: Record<string, string>;
  promptSessionAttributes?: Record<string, string>;
  [member: string]: unknown;
}

/**
 * The agent's response for the app's answer, whatever its status:
 * - a JSON body that is already an agent response (a string `messageVersion` and an object
 *   `response`) is passed through as is: the app chose every member;
 * - OpenAPI schema form: `httpStatusCode` is the app's status and the body, as text, is
 *   `responseBody['application/json'].body` (the agent reads a 4xx or 5xx as the API's failure);
 * - function details form: the body is `functionResponse.responseBody.TEXT.body`; this form has no
 *   status, so a 4xx sets `responseState: 'REPROMPT'` (the input was wrong: the model asks again) and
 *   any other non-2xx `responseState: 'FAILURE'` (the agent ends the turn with a dependency failure).
 *
 * `sessionAttributes` and `promptSessionAttributes` are the event's, passed through, so the session
 * keeps them. A throw or a timeout has no answer to shape: the invocation rejects.
 *
 * @example
 * bedrockAgentResult({ statusCode: 200, headers: {}, body: Buffer.from('{"ok":true}') }, functionEvent);
 * // { messageVersion: '1.0', response: { actionGroup, function, functionResponse: { responseBody: { TEXT: { body: '{"ok":true}' } } } }, ... }
 */
export function bedrockAgentResult(response: DispatchResponse, event: BedrockAgentEvent): BedrockAgentResult {
  const body = response.body.toString('utf8');
  const own = agentResponseOf(body);
  if (own !== undefined) return own;
  const status = response.statusCode;
  const result = typeof event.apiPath === 'string'
    ? {
        messageVersion: '1.0',
        response: {
          actionGroup: event.actionGroup,
          apiPath: event.apiPath,
          httpMethod: typeof event.httpMethod === 'string' ? event.httpMethod : 'POST',
          httpStatusCode: status,
          responseBody: { 'application/json': { body } },
        },
      }
    : {
        messageVersion: '1.0',
        response: {
          actionGroup: event.actionGroup,
          function: typeof event.function === 'string' ? event.function : '',
          functionResponse: status >= 200 && status < 300
            ? { responseBody: { TEXT: { body } } }
            : { responseState: status >= 400 && status < 500 ? ('REPROMPT' as const) : ('FAILURE' as const), responseBody: { TEXT: { body } } },
        },
      };
  return withAttributes(result, event);
}

/** The event's session attributes, when it has them, on the result. */
function withAttributes(result: BedrockAgentResult, event: BedrockAgentEvent): BedrockAgentResult {
  if (isObject(event.sessionAttributes)) result.sessionAttributes = event.sessionAttributes as Record<string, string>;
  if (isObject(event.promptSessionAttributes)) result.promptSessionAttributes = event.promptSessionAttributes as Record<string, string>;
  return result;
}

/** The body as a complete agent response, else `undefined`; parsed only when it can be one. */
function agentResponseOf(body: string): BedrockAgentResult | undefined {
  if (!body.includes('"messageVersion"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (isObject(parsed) && typeof parsed.messageVersion === 'string' && isObject(parsed.response)) return parsed as BedrockAgentResult;
  } catch {
    // Not JSON: an ordinary body, put into the response.
  }
  return undefined;
}
