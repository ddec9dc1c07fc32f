/**
 * Typed errors of the CloudEvents layer. Every error carries a stable string `code` and the HTTP `status`
 * a receiver should answer with, so middleware (and Express's or Koa's default error handlers, which read
 * `status`) can reply 400 / 413 / 415 without knowing the details.
 */

/** Codes of the problems {@link validateCloudEvent} reports, one per offending attribute. */
export type CloudEventProblemCode =
  | 'CE_MISSING_ATTRIBUTE'
  | 'CE_INVALID_ATTRIBUTE'
  | 'CE_INVALID_ATTRIBUTE_NAME'
  | 'CE_UNSUPPORTED_SPECVERSION'
  | 'CE_INVALID_DATA';

/** Codes of the errors the HTTP binding throws while decoding a message. */
export type CloudEventDecodeErrorCode =
  | 'CE_INVALID_HEADER'
  | 'CE_INVALID_UTF8'
  | 'CE_INVALID_JSON'
  | 'CE_INVALID_BODY'
  | 'CE_UNSUPPORTED_MEDIA_TYPE'
  | 'CE_BODY_TOO_LARGE';

/** Every code a {@link CloudEventError} may carry. */
export type CloudEventErrorCode = CloudEventProblemCode | CloudEventDecodeErrorCode;

/** One thing wrong with an event: the attribute it concerns (`''` for the event as a whole) and why. */
export interface CloudEventProblem {
  attribute: string;
  code: CloudEventProblemCode;
  message: string;
}

/**
 * Base class of this layer's errors: `code`, HTTP `status`, and `expose` (true: the message is safe to
 * show a client; Koa's default handler reads it).
 *
 * @example
 * try { fromHttp(message); } catch (e) { if (e instanceof CloudEventError) reply(e.status, e.code); }
 */
export class CloudEventError extends Error {
  readonly code: CloudEventErrorCode;
  readonly status: number;
  readonly expose = true;

  constructor(code: CloudEventErrorCode, message: string, status: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CloudEventError';
    this.code = code;
    this.status = status;
  }
}
// The build minifies identifiers (esbuild's keepNames would cost ~10 KB of the 150 KB budget): each
// class keeps its real name here, so util.inspect and logs print `CloudEventError`, not `F [CloudEventError]` (see src/errors.ts).
Object.defineProperty(CloudEventError, 'name', { value: 'CloudEventError' });

/**
 * An event that breaks the CloudEvents 1.0 rules. `problems` lists each offending attribute; `code` is
 * the first problem's code. Status 400.
 *
 * @example
 * try { assertCloudEvent({ specversion: '1.0' }); }
 * catch (e) { if (e instanceof CloudEventValidationError) e.problems.map((p) => p.attribute); } // ['id', 'source', 'type']
 */
export class CloudEventValidationError extends CloudEventError {
  readonly problems: readonly CloudEventProblem[];

  constructor(problems: readonly CloudEventProblem[]) {
    const first = problems[0];
    const summary = problems.map((p) => (p.attribute ? `${p.attribute}: ${p.message}` : p.message)).join('; ');
    super(first?.code ?? 'CE_INVALID_ATTRIBUTE', `Invalid CloudEvent: ${summary}`, 400);
    this.name = 'CloudEventValidationError';
    this.problems = problems;
  }
}
Object.defineProperty(CloudEventValidationError, 'name', { value: 'CloudEventValidationError' });

/**
 * A message that cannot be read as a CloudEvent: a bad header, bytes that are not UTF-8 or JSON, an
 * unsupported media type (status 415) or too large a body (413); otherwise status 400.
 *
 * @example
 * throw new CloudEventDecodeError('CE_INVALID_HEADER', 'ce-subject: bad percent-encoding');
 */
export class CloudEventDecodeError extends CloudEventError {
  /** The header concerned, when one is. */
  readonly header: string | undefined;

  constructor(code: CloudEventDecodeErrorCode, message: string, options?: { header?: string; cause?: unknown }) {
    super(code, message, statusOf(code), options);
    this.name = 'CloudEventDecodeError';
    this.header = options?.header;
  }
}
Object.defineProperty(CloudEventDecodeError, 'name', { value: 'CloudEventDecodeError' });

function statusOf(code: CloudEventDecodeErrorCode): number {
  if (code === 'CE_UNSUPPORTED_MEDIA_TYPE') return 415;
  if (code === 'CE_BODY_TOO_LARGE') return 413;
  return 400;
}
