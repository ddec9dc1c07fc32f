import type { LambdaContext, LambdaOptions, LambdaResult } from '../index.js';

/** Options of `invoke`: those of `createLambdaHandler`, plus the Lambda context to run with. */
export interface InvokeOptions extends LambdaOptions {
  /**
   * Fields of the Lambda context, over a plausible one (fresh `awsRequestId`, a function name and ARN,
   * `getRemainingTimeInMillis` counting down from `timeoutMs`).
   */
  context?: Partial<LambdaContext>;
}

/** A request the app received, as it received it. Header names are lower-case. */
export interface InvokedRequest {
  method: string;
  /** Path and query, as the app's `req.url`. */
  path: string;
  headers: Record<string, string | string[]>;
  /** The body bytes (empty for GET and HEAD). */
  body: Buffer;
  /** The body as UTF-8 text. */
  text(): string;
  /** The body parsed as JSON. @throws SyntaxError when it is not JSON. */
  json(): unknown;
}

/** What the app answered. Header names are lower-case; repeated headers (set-cookie) are arrays. */
export interface InvokedResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** One request made to the app and its outcome: the response, or the error (a throw, a timeout). */
export interface Delivery {
  request: InvokedRequest;
  /** Absent when the app threw, rejected or did not answer in time (see `error`). */
  response?: InvokedResponse;
  /** The app's failure (`code` `APP_ERROR` with the thrown value as `cause`, or `APP_TIMEOUT`). */
  error?: Error;
}

/** A callback the handler sent once the app had answered (CloudFormation's response document): captured, not sent. */
export interface InvokedCallback {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What `invoke` resolves with. Exactly one of `result` and `error` is set. */
export interface InvokeResult {
  /** What the handler resolved with: what Lambda would return to the caller. */
  result?: LambdaResult;
  /** What the handler rejected with (an `EventDeliveryError` for a failed asynchronous event): what Lambda would be given. */
  error?: Error;
  /** Every request the app received, in the order it received them. */
  deliveries: Delivery[];
  /** Callbacks (CloudFormation custom resources) the handler would have sent, in order. */
  callbacks: InvokedCallback[];
}
