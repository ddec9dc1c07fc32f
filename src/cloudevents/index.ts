// Public surface of the CloudEvents layer: types, validation, the JSON format, the HTTP binding in its
// three content modes, and request decoding for listener, Koa and fetch apps.
export type { CloudEvent, CloudEventAttributeValue, CloudEventWithRaw } from './types.js';
export { RAW_DATA } from './types.js';
export { CloudEventDecodeError, CloudEventError, CloudEventValidationError } from './errors.js';
export type {
  CloudEventDecodeErrorCode,
  CloudEventErrorCode,
  CloudEventProblem,
  CloudEventProblemCode,
} from './errors.js';
export { assertCloudEvent, validateCloudEvent } from './validate.js';
export {
  isAbsoluteUri,
  isBase64,
  isCloudEventAttributeName,
  isCloudEventInteger,
  isCloudEventString,
  isRfc3339Timestamp,
  isUriReference,
} from './attribute-types.js';
export {
  CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE,
  CLOUDEVENTS_JSON_MEDIA_TYPE,
  isJsonContentType,
} from './media-type.js';
export {
  cloudEventToJsonObject,
  formatCloudEventBatchJson,
  formatCloudEventJson,
  normalizeCloudEvent,
  parseCloudEventBatchJson,
  parseCloudEventJson,
} from './json-format.js';
export { fromBinary, toBinary } from './http/binary.js';
export type { CloudEventHttpMessage } from './http/binary.js';
export { decodeBinaryData, encodeBinaryData } from './http/body.js';
export { STRUCTURED_CONTENT_TYPE, fromStructured, toStructured } from './http/structured.js';
export { BATCH_CONTENT_TYPE, fromBatch, toBatch } from './http/batch.js';
export { detectCloudEventMode, fromHttp } from './http/decode.js';
export type { CloudEventHttpMode } from './http/decode.js';
export type { CloudEventHttpHeaders, CloudEventHttpInput } from './http/headers.js';
export { decodeHeaderValue, percentEncodeHeaderValue } from './http/percent.js';
export { cloudEventMiddleware } from './middleware/node.js';
export type { CloudEventMiddlewareOptions, CloudEventRequest, CloudEventRequestHandler } from './middleware/node.js';
export { cloudEventKoaMiddleware } from './middleware/koa.js';
export type { CloudEventKoaContext } from './middleware/koa.js';
export { DEFAULT_CLOUDEVENT_BODY_LIMIT } from './middleware/read-body.js';
export { fromRequest } from './middleware/fetch.js';
