import type * as Crypto from 'node:crypto';
import { builtin } from '../../builtins.js';
import { RAW_DATA, type CloudEvent, type CloudEventWithRaw } from '../../cloudevents/types.js';
import type { LambdaContext } from '../../lambda-context.js';
import { jsonPayload, type Payload } from './payload.js';

/** The CloudEvent type of an invocation no source recognised. */
export const INVOKE_TYPE = 'com.amazonaws.lambda.invoke';

/** `source` of such an event when the context does not name the function. */
export const INVOKE_SOURCE = 'urn:aws:lambda';

/** Context attributes of a CloudEvent a converter builds; `undefined` ones are left out. */
export interface Attributes {
  id: string;
  source: string;
  type: string;
  subject?: string | undefined;
  time?: string | undefined;
  dataschema?: string | undefined;
}

/**
 * Assemble a spec 1.0 CloudEvent from attributes and a payload, leaving out absent attributes (no
 * `undefined` members, so the event serialises and validates cleanly) and attaching the payload's raw
 * form under `RAW_DATA`.
 *
 * @example
 * buildCloudEvent({ id: '1', source: 's', type: 't' }, jsonPayload({ a: 1 }));
 * // { specversion: '1.0', id: '1', source: 's', type: 't', datacontenttype: 'application/json', data: { a: 1 } }
 */
export function buildCloudEvent(attributes: Attributes, payload: Payload): CloudEventWithRaw {
  const event: CloudEventWithRaw = {
    specversion: '1.0',
    id: attributes.id,
    source: attributes.source,
    type: attributes.type,
    datacontenttype: payload.datacontenttype,
  };
  if (attributes.subject !== undefined && attributes.subject !== '') event.subject = attributes.subject;
  if (attributes.time !== undefined) event.time = attributes.time;
  if (attributes.dataschema !== undefined) event.dataschema = attributes.dataschema;
  if (payload.data_base64 !== undefined) event.data_base64 = payload.data_base64;
  else if (payload.data !== undefined) event.data = payload.data;
  if (payload.raw !== undefined) event[RAW_DATA] = payload.raw;
  return event;
}

/**
 * An id for an event that carries none: the invocation's request id (with `-index` for record `index`
 * of a batch, so ids stay unique within the invocation), else a random UUID.
 *
 * @example
 * invocationId({ awsRequestId: 'r-1' }, 2); // 'r-1-2'
 */
export function invocationId(context: LambdaContext | undefined, index?: number): string {
  const requestId = context?.awsRequestId;
  if (typeof requestId === 'string' && requestId !== '') {
    return index === undefined ? requestId : `${requestId}-${index}`;
  }
  return builtin<typeof Crypto>('node:crypto').randomUUID();
}

/**
 * The generic CloudEvent for an invocation (or one record of it) that no source could convert:
 * type `com.amazonaws.lambda.invoke`, id the request id (else a random UUID), source the function ARN
 * when the context has it (else `urn:aws:lambda`), data the event itself.
 *
 * @example
 * invocationCloudEvent({ hello: 'world' }, { awsRequestId: 'r-1', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:1:function:f' });
 * // { specversion: '1.0', id: 'r-1', source: 'arn:aws:lambda:...', type: 'com.amazonaws.lambda.invoke',
 * //   datacontenttype: 'application/json', data: { hello: 'world' } }
 */
export function invocationCloudEvent(event: unknown, context?: LambdaContext, index?: number): CloudEvent {
  const arn = context?.invokedFunctionArn;
  return buildCloudEvent(
    {
      id: invocationId(context, index),
      source: typeof arn === 'string' && arn !== '' ? arn : INVOKE_SOURCE,
      type: INVOKE_TYPE,
    },
    jsonPayload(event === undefined ? null : event),
  );
}

/**
 * Convert each record with `convert`, one CloudEvent per record and in record order (batch failure
 * reporting relies on index `i` naming record `i`). A record the converter chokes on becomes the
 * generic CloudEvent for that record instead of failing the whole batch.
 *
 * @example
 * mapRecords([{ n: 1 }], (record) => buildCloudEvent({ id: '1', source: 's', type: 't' }, jsonPayload(record)));
 */
export function mapRecords(
  records: readonly unknown[],
  convert: (record: unknown, index: number) => CloudEvent,
  context?: LambdaContext,
): CloudEvent[] {
  const events = new Array<CloudEvent>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    try {
      events[i] = convert(record, i);
    } catch {
      events[i] = invocationCloudEvent(record, context, i);
    }
  }
  return events;
}

/**
 * Run a whole-event converter; if it throws on a malformed event, answer with the generic CloudEvent
 * instead. Converters are written not to throw; this is the net under them.
 *
 * @example
 * convertSafely(event, context, () => [buildCloudEvent(...)]);
 */
export function convertSafely(event: unknown, context: LambdaContext | undefined, convert: () => CloudEvent[]): CloudEvent[] {
  try {
    return convert();
  } catch {
    return [invocationCloudEvent(event, context)];
  }
}
