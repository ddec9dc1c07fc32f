// Public surface of the CloudEvents layer: types, errors, validation, the two media types, the HTTP
// binding in its three content modes, and request decoding for listener, Koa and fetch apps. The
// helpers under them (attribute type checks, the JSON format functions, percent-encoding, data
// encoding, mode detection) are internal: import them from their modules (docs/decisions.md §10).
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
export { CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE, CLOUDEVENTS_JSON_MEDIA_TYPE } from './media-type.js';
export { fromBinary, toBinary } from './http/binary.js';
export type { CloudEventHttpMessage } from './http/binary.js';
export { fromStructured, toStructured } from './http/structured.js';
export { fromBatch, toBatch } from './http/batch.js';
export { fromHttp } from './http/decode.js';
export type { CloudEventHttpHeaders, CloudEventHttpInput } from './http/headers.js';
export { cloudEventMiddleware } from './middleware/node.js';
export type { CloudEventMiddlewareOptions, CloudEventRequest, CloudEventRequestHandler } from './middleware/node.js';
export { cloudEventKoaMiddleware } from './middleware/koa.js';
export type { CloudEventKoaContext } from './middleware/koa.js';
export { DEFAULT_CLOUDEVENT_BODY_LIMIT } from './middleware/read-body.js';
export { fromRequest } from './middleware/fetch.js';
