import {
  isAbsoluteUri,
  isBase64,
  isCloudEventAttributeName,
  isCloudEventInteger,
  isCloudEventString,
  isRfc3339Timestamp,
  isUriReference,
} from './attribute-types.js';
import { CloudEventValidationError } from './errors.js';
import type { CloudEventProblem, CloudEventProblemCode } from './errors.js';
import { isJsonContentType, isValidMediaType } from './media-type.js';
import type { CloudEvent } from './types.js';

const REQUIRED = ['specversion', 'id', 'source', 'type'] as const;

/**
 * Check an event against CloudEvents 1.0 (core spec 1.0.2 and the JSON event format 1.0.2): required
 * attributes present and non-empty, attribute names `a-z0-9`, every value of the type system (String
 * without control characters, URI-reference `source`, absolute URI `dataschema`, RFC 3339 `time`,
 * RFC 2046 `datacontenttype`, 32-bit Integer, Boolean, Binary), `data` and `data_base64` exclusive.
 * `null` or `undefined` optional attributes count as unset. Returns every problem found, `[]` if none.
 * A 0.3 event is reported as unsupported: pass it through {@link normalizeCloudEvent} first.
 *
 * @example
 * validateCloudEvent({ specversion: '1.0', id: '1', source: '/s', type: 't' }); // []
 * validateCloudEvent({ specversion: '1.0', id: '', source: 'a b', type: 't', Ext: 1 }).map((p) => p.attribute);
 * // ['id', 'source', 'Ext']
 */
export function validateCloudEvent(event: unknown): CloudEventProblem[] {
  const problems: CloudEventProblem[] = [];
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    problems.push(problem('', 'CE_INVALID_ATTRIBUTE', 'a CloudEvent must be an object'));
    return problems;
  }
  const e = event as Record<string, unknown>;
  for (const name of REQUIRED) {
    const value = e[name];
    if (value === undefined || value === null) problems.push(problem(name, 'CE_MISSING_ATTRIBUTE', 'is required'));
    else if (!isCloudEventString(value)) problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', notAString(value)));
    else if (value === '') problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', 'must be a non-empty string'));
  }
  if (typeof e.specversion === 'string' && e.specversion !== '' && e.specversion !== '1.0') {
    problems.push(
      problem('specversion', 'CE_UNSUPPORTED_SPECVERSION', `'${e.specversion}' is not 1.0 (normalise 0.3 first)`),
    );
  }
  if (typeof e.source === 'string' && e.source !== '' && !isUriReference(e.source)) {
    problems.push(problem('source', 'CE_INVALID_ATTRIBUTE', 'must be a URI-reference (RFC 3986 §4.1)'));
  }
  for (const name of Object.keys(e)) {
    if (name === 'data' || name === 'data_base64' || (REQUIRED as readonly string[]).includes(name)) continue;
    checkOptional(name, e[name], problems);
  }
  checkData(e, problems);
  return problems;
}

/**
 * Throw a {@link CloudEventValidationError} listing every problem unless `event` is a valid CloudEvent 1.0.
 *
 * @example
 * const event: unknown = JSON.parse(text);
 * assertCloudEvent(event); // throws CloudEventValidationError (code 'CE_MISSING_ATTRIBUTE', status 400)
 * event.id;                // typed as CloudEvent from here on
 */
export function assertCloudEvent(event: unknown): asserts event is CloudEvent {
  const problems = validateCloudEvent(event);
  if (problems.length > 0) throw new CloudEventValidationError(problems);
}

function checkOptional(name: string, value: unknown, problems: CloudEventProblem[]): void {
  if (!isCloudEventAttributeName(name)) {
    problems.push(problem(name, 'CE_INVALID_ATTRIBUTE_NAME', 'attribute names must be lower-case a-z and 0-9'));
    return;
  }
  if (value === undefined || value === null) return;
  switch (name) {
    case 'datacontenttype':
      if (!isCloudEventString(value)) problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', notAString(value)));
      else if (!isValidMediaType(value)) problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', 'must be an RFC 2046 media type'));
      return;
    case 'dataschema':
      if (!isCloudEventString(value)) problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', notAString(value)));
      else if (!isAbsoluteUri(value)) problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', 'must be an absolute URI (RFC 3986 §4.3)'));
      return;
    case 'subject':
      if (!isCloudEventString(value)) problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', notAString(value)));
      else if (value === '') problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', 'must be a non-empty string'));
      return;
    case 'time':
      if (typeof value !== 'string' || !isRfc3339Timestamp(value)) {
        problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', 'must be an RFC 3339 timestamp'));
      }
      return;
    default:
      checkExtensionValue(name, value, problems);
  }
}

function checkExtensionValue(name: string, value: unknown, problems: CloudEventProblem[]): void {
  if (typeof value === 'string') {
    if (!isCloudEventString(value)) problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', notAString(value)));
  } else if (typeof value === 'number') {
    if (!isCloudEventInteger(value)) {
      problems.push(problem(name, 'CE_INVALID_ATTRIBUTE', 'a number must be a 32-bit Integer'));
    }
  } else if (typeof value !== 'boolean' && !(value instanceof Uint8Array)) {
    problems.push(
      problem(name, 'CE_INVALID_ATTRIBUTE', `a ${describe(value)} is not of the CloudEvents type system`),
    );
  }
}

function checkData(e: Record<string, unknown>, problems: CloudEventProblem[]): void {
  const base64 = e.data_base64;
  if (base64 !== undefined && base64 !== null) {
    if (e.data !== undefined) {
      problems.push(problem('data', 'CE_INVALID_DATA', '`data` and `data_base64` are mutually exclusive'));
    }
    if (typeof base64 !== 'string' || !isBase64(base64)) {
      problems.push(problem('data_base64', 'CE_INVALID_DATA', 'must be a base64 string (RFC 4648)'));
    }
    return;
  }
  const data = e.data;
  const type = e.datacontenttype;
  if (data === undefined || typeof type !== 'string' || isJsonContentType(type)) return;
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    problems.push(
      problem('data', 'CE_INVALID_DATA', `must be a string or bytes for the non-JSON datacontenttype '${type}'`),
    );
  }
}

function problem(attribute: string, code: CloudEventProblemCode, message: string): CloudEventProblem {
  return { attribute, code, message };
}

function notAString(value: unknown): string {
  return typeof value === 'string'
    ? 'must not contain control characters, unpaired surrogates or noncharacters'
    : `must be a string, not a ${describe(value)}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}
