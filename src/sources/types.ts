import type { CloudEvent } from '../cloudevents/types.js';
import type { DispatchRequest, DispatchResponse } from '../dispatch/types.js';
import type { LambdaContext } from '../lambda-context.js';

/**
 * How a source's caller is answered, one of a few shared strategies (`pipeline/answer.ts`):
 * - `reject`: an asynchronous or polling source (S3, SNS, SQS, EventBridge, Kinesis, ...). Anything but a
 *   2xx rejects, so that the sender retries and, after that, the DLQ or failure destination keeps it.
 * - `envelope`: a caller that reads the result (a direct invocation, a client sending a CloudEvent): the
 *   app's response whatever its status, as `{ statusCode, headers, body, isBase64Encoded }`.
 * - `json`: a caller that waits for an answer in its own shape (Cognito, Lex, Alexa, authorizers, Step
 *   Functions, ...): a 2xx answer's JSON body (or `respond`'s shaping of it); any other status rejects
 *   with the app's error text as the message.
 * - `response`: like `json`, but the app's answer is the caller's whatever its status (CloudFront: a 302
 *   or a 403 for the viewer), shaped by `respond`.
 * - `http`: an HTTP event (API Gateway, ALB, Function URLs, VPC Lattice): the request it carries
 *   (`toRequest`) is delivered as is, and the app's response, whatever its status, is answered in the
 *   event's own format (`respond`).
 * - `callback`: the caller waits for a callback, not the result (CloudFormation custom resources):
 *   `callback` builds it from the outcome; the entry point sends it with its own sender.
 */
export type AnswerStrategy = EventSource['answer'];

/** What the sender says about a delivery, passed to the app in headers (see `pipeline/request.ts`). */
export interface DeliveryMetadata {
  /** How many times the sender has delivered this message, this time included (1 = first). */
  attempt?: number | undefined;
  /** W3C trace context of the message. */
  traceparent?: string | undefined;
  tracestate?: string | undefined;
  /** An X-Ray trace header (`Root=1-...;Parent=...;Sampled=1`), converted to `traceparent`. */
  xrayTraceHeader?: string | undefined;
}

/**
 * How the records of a batch are delivered and reported in record mode. Every member is optional:
 * without any, records run concurrently and the source's `answer` strategy applies to the batch.
 */
export interface RecordPolicy<E> {
  /** True when records must go one at a time, in order, none after a failure (FIFO queues, streams, Kafka). */
  ordered?(event: E): boolean;
  /** An ordered batch's message group of record `index` (SQS FIFO `MessageGroupId`), for `fifo: 'group'`. */
  group?(event: E, index: number): string | undefined;
  /** Partial batch failure reporting (`ReportBatchItemFailures`): the `itemIdentifier` of record `index`. */
  identifier?(event: E, index: number): string;
  /**
   * A caller that wants one result per record (Firehose transformation): the invocation's result from
   * each record's response, in record order; `undefined` for a record without an answer.
   */
  result?(responses: ReadonlyArray<DispatchResponse | undefined>, event: E): unknown;
}

/** What every source has, whatever its answer strategy. */
interface SourceBehaviour<E> {
  /** Stable name, the event-mode path without its slash for fixed routes: `aws.sqs`, `google.pubsub`. */
  readonly name: string;
  /** Type guard on the one field that tells this kind of event apart from the others. */
  detect(event: unknown): event is E;
  /** The event-mode path: `/aws.sqs`, or a path built safely from event data. */
  route(event: E): string;
  /** One CloudEvent per record, in record order. Pure; never throws on a detected event. */
  toCloudEvents(event: E, context?: LambdaContext): CloudEvent[];
  /** Record mode: ordering, partial failure reporting, per-record results. */
  readonly records?: RecordPolicy<E>;
  /**
   * Delivery metadata of the whole event (`index` undefined: event mode) or of record `index` (record
   * mode): attempt count, trace context. Cheap property reads only: it runs on every event.
   */
  metadata?(event: E, index: number | undefined): DeliveryMetadata | undefined;
}

/** A source whose answer needs no hook of its own. */
export interface PlainSource<E = unknown> extends SourceBehaviour<E> {
  readonly answer: 'reject' | 'envelope';
}

/** A request-response source: the app's 2xx JSON (or `respond`'s shaping of the 2xx response). */
export interface JsonSource<E = unknown> extends SourceBehaviour<E> {
  readonly answer: 'json';
  respond?(response: DispatchResponse, event: E): unknown;
}

/** A request-response source whose caller takes the app's answer whatever its status (CloudFront). */
export interface ResponseSource<E = unknown> extends SourceBehaviour<E> {
  readonly answer: 'response';
  respond(response: DispatchResponse, event: E): unknown;
}

/** An HTTP event: the request it carries, answered in its own format whatever the status. */
export interface HttpEventSource<E = unknown> extends SourceBehaviour<E> {
  readonly answer: 'http';
  /** The HTTP request the event carries (method, path and query, headers, body bytes, remote address). */
  toRequest(event: E): DispatchRequest;
  /** The caller's result for the app's response (any status), in the event's own format. */
  respond(response: DispatchResponse, event: E): unknown;
}

/** A source whose caller waits for a callback (CloudFormation): pure, the entry point does the I/O. */
export interface CallbackSource<E = unknown> extends SourceBehaviour<E> {
  readonly answer: 'callback';
  /** The request to send once the app has answered, failed or timed out; undefined: nobody to call. */
  callback(outcome: CallbackOutcome, event: E, context?: LambdaContext): CallbackRequest | undefined;
}

/**
 * A source of events: a small object of pure behaviour, registered in one ordered list
 * (`sources/registry.ts`). The first source whose `detect` accepts an event handles it. A new source
 * touches only its folder and one line of the registry.
 */
export type EventSource<E = unknown> = PlainSource<E> | JsonSource<E> | ResponseSource<E> | HttpEventSource<E> | CallbackSource<E>;

/** How the app's handling of a callback source ended. */
export type CallbackOutcome = { ok: true; response: DispatchResponse } | { ok: false; reason: string; response?: DispatchResponse };

/** An HTTP request the entry point sends after the app answered (e.g. PUT to CloudFormation's ResponseURL). */
export interface CallbackRequest {
  url: string;
  method: 'PUT' | 'POST';
  headers: Record<string, string>;
  body: string;
}
