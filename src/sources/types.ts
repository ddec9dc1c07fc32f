import type { CloudEvent } from '../cloudevents/types.js';
import type { DispatchRequest, DispatchResponse } from '../dispatch/types.js';
import type { LambdaContext } from '../types.js';

/**
 * How a source's caller treats the invocation's outcome.
 * - `async`: an asynchronous or polling source (S3, SNS, SQS, EventBridge, Kinesis, ...). A failed
 *   delivery must reject so that Lambda retries and, after that, the DLQ or failure destination keeps it.
 * - `direct`: a caller that reads the result (a direct invocation, a client sending a CloudEvent, ...).
 * - `http`: an HTTP event (API Gateway, ALB, Function URLs, VPC Lattice): the request it carries is
 *   delivered as is (`toRequest`), and the app's response, whatever its status, is answered in the
 *   event's own response format (`respond`).
 * - `sync`: a caller that waits for an answer in its own shape (Cognito user pool triggers, Lex, Alexa,
 *   authorizers, CloudFront, Firehose transformation, Step Functions, ...): the event is POSTed as JSON
 *   like any other; a 2xx answer becomes the result through `respond(response, event)` (default: the
 *   body parsed as JSON, `null` when empty), and any other status rejects with an error whose message is
 *   the app's error text.
 */
export type DeliveryKind = 'async' | 'direct' | 'http' | 'sync';

/**
 * Record-level failure reporting of a batch source (Lambda's `ReportBatchItemFailures`).
 * `itemIdentifier(event, index)` names record `index` in `batchItemFailures`;
 * `ordered(event)` is true when records must be delivered one after another and delivery stops at the
 * first failure (FIFO queues, streams).
 */
export interface BatchSemantics<E> {
  itemIdentifier(event: E, index: number): string;
  ordered(event: E): boolean;
}

/**
 * A source of events: a small object of pure functions, registered in one ordered list
 * (`sources/registry.ts`). The first source whose `detect` accepts an event handles it.
 */
export interface EventSource<E = unknown> {
  /** Stable name, the event-mode path without its slash for fixed routes: `aws.sqs`, `google.pubsub`. */
  readonly name: string;
  /** Type guard on the one field that tells this kind of event apart from the others. */
  detect(event: unknown): event is E;
  /** The event-mode path: `/aws.sqs`, or a path built safely from event data. */
  route(event: E): string;
  /** One CloudEvent per record, in record order. Pure; never throws on a detected event. */
  toCloudEvents(event: E, context?: LambdaContext): CloudEvent[];
  /** Whether a failed delivery rejects the invocation (`async`) or is answered with the result. */
  readonly delivery: DeliveryKind;
  /** Present on SQS, Kinesis and DynamoDB Streams: partial batch failure reporting. */
  readonly batch?: BatchSemantics<E>;
  /**
   * Record mode, sources without `batch` whose records must be handled in order (Kafka partitions):
   * one at a time, and none after a failure (the whole batch is retried, from the start, in order).
   */
  readonly ordered?: boolean;
  /**
   * HTTP events: the HTTP request the event carries (method, path and query, headers, body bytes,
   * remote address), delivered instead of the event's JSON.
   */
  toRequest?(event: E): DispatchRequest;
  /**
   * `http` sources: the Lambda result for the app's response (any status), in the event's own format.
   * `sync` sources: the Lambda result for a 2xx response (default: its body parsed as JSON).
   */
  respond?(response: DispatchResponse, event: E): unknown;
  /**
   * `sync` sources whose answer may itself be an error response (CloudFront: a 302 or 403 to the viewer):
   * `respond` is called whatever the status, instead of a non-2xx rejecting the invocation.
   */
  readonly respondsToAnyStatus?: boolean;
  /**
   * Record mode, for a caller that wants one result per record (Firehose transformation): the
   * invocation's result from each record's response, in record order; `undefined` for a record that
   * failed without an answer (the app threw or timed out).
   */
  recordsResult?(responses: ReadonlyArray<DispatchResponse | undefined>, event: E): unknown;
  /**
   * Sources whose caller waits for a callback rather than the Lambda result (CloudFormation custom
   * resources): the request the handler must send once the app has answered, or failed, or timed out.
   * Pure: the handler does the I/O, with retries.
   */
  callback?(outcome: CallbackOutcome, event: E, context?: LambdaContext): CallbackRequest | undefined;
}

/** How the app's handling of a callback source ended. */
export type CallbackOutcome = { ok: true; response: DispatchResponse } | { ok: false; reason: string; response?: DispatchResponse };

/** An HTTP request the handler sends after the app answered (e.g. PUT to CloudFormation's ResponseURL). */
export interface CallbackRequest {
  url: string;
  method: 'PUT' | 'POST';
  headers: Record<string, string>;
  body: string;
}
