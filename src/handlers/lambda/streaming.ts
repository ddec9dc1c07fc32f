import { createDispatcher } from '../../dispatch/app.js';
import type { App } from '../../dispatch/app.js';
import type { ResponseSink } from '../../dispatch/types.js';
import { isDispatchError } from '../../dispatch/types.js';
import { runInInvocation } from '../../invocation.js';
import { startError } from '../../pipeline/deliver.js';
import { carriedRequest } from '../../pipeline/request.js';
import { flattenHeaders, setCookies } from '../../pipeline/result.js';
import { InvalidRequestError, invalidRequestBody } from '../../sources/aws/http/common/index.js';
import { findSource } from '../../sources/index.js';
import type { LambdaContext } from '../../lambda-context.js';
import { sendEvent } from './event-mode.js';
import { appDeadline, invocationHeaders } from './invocation-headers.js';
import { resolveOptions } from './options.js';
import type { LambdaOptions } from './options.js';

/**
 * The writable stream Lambda's runtime hands a streaming handler (a Node Writable). `write()` returns
 * false when its buffer is full; it then emits `drain`, which the app is made to wait for. A stream
 * without `once` (a minimal stub) is never waited for.
 */
export interface LambdaResponseStream {
  write(chunk: Uint8Array | string): boolean;
  end(chunk?: Uint8Array | string): void;
  once?(event: 'drain', listener: () => void): unknown;
}

/** What `HttpResponseStream.from` takes: the HTTP head of a streamed Function URL response. */
export interface StreamedResponseHead {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
}

/** The `awslambda` global that Lambda's Node.js runtime provides to streaming functions. */
export interface AwsLambdaRuntime {
  streamifyResponse<T>(handler: T): T;
  HttpResponseStream: { from(stream: LambdaResponseStream, head: StreamedResponseHead): LambdaResponseStream };
}

/** A streaming Lambda handler: `(event, responseStream, context)`, wrapped by `awslambda.streamifyResponse`. */
export type StreamingLambdaHandler = (event: unknown, responseStream: LambdaResponseStream, context: LambdaContext) => Promise<void>;

/**
 * A Lambda handler for Function URLs in response-streaming mode (`InvokeMode: RESPONSE_STREAM`): the
 * app's response goes out as it is written (head first, then each chunk), instead of being buffered, for
 * large or slow responses. An event that is not an HTTP event is handled as in event mode and its
 * result written as JSON. If the app fails before its head is out, the caller gets a 500 (a timeout,
 * 504); after that, the stream is ended where it stands.
 *
 * @example
 * // Lambda (Function URL with InvokeMode RESPONSE_STREAM):
 * export const handler = createStreamingLambdaHandler(app);
 */
export function createStreamingLambdaHandler(app: App | unknown, options?: LambdaOptions): StreamingLambdaHandler {
  const dispatch = createDispatcher(app);
  const resolved = resolveOptions(options);
  const runtime = (globalThis as unknown as { awslambda?: AwsLambdaRuntime }).awslambda;

  const handler: StreamingLambdaHandler = async (event, responseStream, context) => {
    const source = findSource(event);
    if (source?.answer !== 'http') {
      const result = await sendEvent(dispatch, resolved, source, event, context);
      responseStream.end(JSON.stringify(result));
      return;
    }
    const deadline = appDeadline(context, resolved);
    let stream: LambdaResponseStream | undefined;
    const open = (statusCode: number, headers: Record<string, string | string[]>): LambdaResponseStream => {
      stream ??= withHead(runtime, responseStream, statusCode, headers);
      return stream;
    };
    let carried;
    try {
      carried = source.toRequest(event);
    } catch (error) {
      // A method or header name no HTTP request could carry: 400, as a server's parser would answer.
      if (!(error instanceof InvalidRequestError)) throw error;
      open(400, { 'content-type': 'application/json' }).end(invalidRequestBody(error));
      return;
    }
    const request = carriedRequest(carried, resolved.headers, invocationHeaders(context, deadline));
    const sink: ResponseSink = {
      head: (statusCode, headers) => void open(statusCode, headers),
      // Congested only when the stream can say when it drains.
      write: (chunk) => (stream ?? open(200, {})).write(chunk) || typeof (stream as LambdaResponseStream).once !== 'function',
      onDrain: (listener) => {
        const target = stream ?? open(200, {});
        if (typeof target.once === 'function') target.once('drain', listener);
        else listener();
      },
      end: () => (stream ?? open(200, {})).end(),
    };
    try {
      await runInInvocation({ event, context }, () => dispatch(request, Math.max(1, deadline - Date.now()), sink));
    } catch (error) {
      if (!isDispatchError(error)) throw startError(error);
      console.error(`cloud-events-handler: streaming ${request.method} ${request.url} failed:`, error.cause ?? error);
      if (stream === undefined) {
        const timedOut = error.code === 'APP_TIMEOUT';
        open(timedOut ? 504 : 500, { 'content-type': 'text/plain; charset=utf-8' }).end(timedOut ? 'Gateway Timeout' : 'Internal Server Error');
      } else {
        stream.end();
      }
    }
  };
  return runtime?.streamifyResponse !== undefined ? runtime.streamifyResponse(handler) : handler;
}

/** The response stream with its HTTP head: `set-cookie` as `cookies`, other repeated headers joined. */
function withHead(runtime: AwsLambdaRuntime | undefined, responseStream: LambdaResponseStream, statusCode: number, headers: Record<string, string | string[]>): LambdaResponseStream {
  const head = { statusCode, headers: flattenHeaders(headers, 'omit'), cookies: setCookies(headers) };
  if (runtime?.HttpResponseStream === undefined) {
    throw new TypeError('cloud-events-handler: response streaming needs the awslambda global of the Lambda Node.js runtime');
  }
  return runtime.HttpResponseStream.from(responseStream, head);
}
