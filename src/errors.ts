/**
 * Typed errors. Each carries a stable `code` that callers and logs can match on, and the data that
 * explains it. `instanceof` also works across two copies of this package (two versions, or a bundled
 * copy beside node_modules), through a brand checked by `Symbol.hasInstance`.
 */

const EVENT_DELIVERY_ERROR = Symbol.for('cloud-events-handler.EventDeliveryError');

/** Stable codes of {@link EventDeliveryError}. */
export type EventDeliveryErrorCode =
  /** The app answered outside 2xx. */
  | 'EVENT_REJECTED'
  /** The app threw, rejected, or destroyed the response without answering. */
  | 'APP_ERROR'
  /** The app did not answer before the invocation's deadline (less the safety margin). */
  | 'APP_TIMEOUT'
  /** One or more records of a record-mode batch failed. */
  | 'RECORDS_FAILED'
  /** The callback its caller waits for (CloudFormation's response document) could not be sent. */
  | 'CALLBACK_FAILED'
  /** The event cannot be sent as a request: its JSON cannot be built (nested too deep, cyclic); status 400. */
  | 'INVALID_EVENT';

/** What {@link EventDeliveryError} is built from. */
export interface EventDeliveryErrorInit {
  code: EventDeliveryErrorCode;
  statusCode: number;
  body: string;
  path: string;
  cause?: unknown;
  /** Record mode: per-record outcomes of a batch that failed. */
  failures?: ReadonlyArray<{ index: number; statusCode: number; body: string }>;
}

/**
 * The app did not accept an event whose caller retries (S3, SNS, SQS, EventBridge, ...): thrown so that
 * Lambda retries the invocation and, after that, the dead-letter queue or failure destination keeps it.
 *
 * @example
 * try { await handler(event, context); }
 * catch (err) { if (err instanceof EventDeliveryError) console.log(err.statusCode, err.path, err.code); }
 */
export class EventDeliveryError extends Error {
  readonly code: EventDeliveryErrorCode;
  /** The app's status code (500 when it threw, 504 when it timed out). */
  readonly statusCode: number;
  /** The app's response body as text (or the error's message). */
  readonly body: string;
  /** The path the event was delivered to. */
  readonly path: string;
  readonly failures?: ReadonlyArray<{ index: number; statusCode: number; body: string }>;

  constructor(message: string, init: EventDeliveryErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'EventDeliveryError';
    this.code = init.code;
    this.statusCode = init.statusCode;
    this.body = init.body;
    this.path = init.path;
    if (init.failures) this.failures = init.failures;
    Object.defineProperty(this, EVENT_DELIVERY_ERROR, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[EVENT_DELIVERY_ERROR] === true;
  }
}
// The build minifies identifiers (esbuild's keepNames would cost ~10 KB of the 150 KB budget): each
// class keeps its real name here, so util.inspect and logs print `EventDeliveryError`, not `F [EventDeliveryError]`.
Object.defineProperty(EventDeliveryError, 'name', { value: 'EventDeliveryError' });

/** Stable codes of {@link ConfigurationError}. */
export type ConfigurationErrorCode =
  /** `CLOUD_EVENTS_APP` is not set. */
  | 'APP_NOT_CONFIGURED'
  /** Loading the app (or request-defaults) module threw. */
  | 'APP_LOAD_FAILED'
  /** The module named by the variable cannot be found, or has no such export. */
  | 'APP_NOT_FOUND'
  /** An option or environment variable has an invalid value. */
  | 'INVALID_OPTION'
  /** The app could not be started at the first event: its Promise rejected or resolved to something this package cannot drive, or its `ready()` failed. */
  | 'APP_START_FAILED'
  /** An option key the handler does not know (a typo such as `rotues`); the message names the closest known key. */
  | 'UNKNOWN_OPTION';

/**
 * The handler's configuration is wrong: the app module could not be found or loaded, an environment
 * variable or option has an invalid value. The message names the variable or option and what was tried.
 *
 * @example
 * // CLOUD_EVENTS_APP unset:
 * // ConfigurationError: CLOUD_EVENTS_APP is not set: set it to the module of your app, e.g. "./app.js#app"
 */
export class ConfigurationError extends Error {
  readonly code: ConfigurationErrorCode;
  constructor(message: string, code: ConfigurationErrorCode, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ConfigurationError';
    this.code = code;
  }
}
Object.defineProperty(ConfigurationError, 'name', { value: 'ConfigurationError' });

/** A short, single-line description of a thrown value, for error messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
