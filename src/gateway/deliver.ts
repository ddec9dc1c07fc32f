/**
 * The gateway's one link to delivery. Everything the gateway sends to the app goes through
 * {@link deliverPush}: the senders turn a push into events, this turns events into requests and the
 * app's answers into {@link Outcome}s, and the senders turn outcomes into what the sender needs. It is
 * built on the shared delivery pipeline (`src/pipeline`: request building, `deliver`), as every entry
 * point is.
 */
import type { CloudEvent } from '../cloudevents/types.js';
import type { Dispatcher, DispatchRequest } from '../dispatch/types.js';
import type { ResolvedOptions } from '../handlers/lambda/options.js';
import { deliver } from '../pipeline/deliver.js';
import { carriedRequest, eventRequest, recordRequest } from '../pipeline/request.js';
import type { Outcome as PipelineOutcome } from '../pipeline/types.js';
import { cloudEventsFrom, findSource, safePath } from '../sources/index.js';
import type { EventSource } from '../sources/types.js';

/**
 * `event`: raw events (an AWS event, an Event Grid event, a Pub/Sub envelope, an SNS record event),
 * each delivered as a Lambda invocation event is in `options.mode`. `cloudevents`: CloudEvents, each
 * one binary-mode request at its `routes` path, else `path`, else `/` + its source.
 */
export type PushKind = 'event' | 'cloudevents';

/** How one delivery ended. */
export type Outcome =
  /** The app answered 2xx. */
  | { state: 'accepted'; path: string; statusCode: number; headers: Record<string, string | string[]>; body: Buffer }
  /** The app answered outside 2xx (`body` its answer), or threw (500, no headers). */
  | { state: 'rejected'; path: string; statusCode: number; headers: Record<string, string | string[]>; body: Buffer; cause?: unknown }
  /** The app did not answer in time. */
  | { state: 'timedOut'; path: string }
  /** Never sent: the event cannot be an HTTP request, or an earlier event of the push failed. */
  | { state: 'notSent'; path?: string; reason: string };

/** What {@link deliverPush} drives: the app's dispatcher and the resolved delivery options. */
export interface PushLink {
  dispatch: Dispatcher;
  options: ResolvedOptions;
}

const NO_HEADERS: Record<string, string> = {};

/**
 * Deliver a push's events to the app, one after another in order, by `deadline` (epoch ms); after the
 * first event not accepted the rest are `notSent` (the sender retries the whole push, so delivering
 * them would only add duplicates). Resolves one or more outcomes per event (record mode: one per
 * record); never rejects for what the app does.
 *
 * @example
 * const outcomes = await deliverPush('cloudevents', [cloudEvent], link, Date.now() + 60_000);
 * outcomes[0].state; // 'accepted'
 */
export async function deliverPush(kind: PushKind, events: readonly unknown[], link: PushLink, deadline: number, path?: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const event of events) {
    const requests = kind === 'cloudevents' ? [cloudEventRequest(event as CloudEvent, link.options, path)] : eventRequests(event, link.options);
    for (const built of requests) {
      if (outcomes.length > 0 && (outcomes[outcomes.length - 1] as Outcome).state !== 'accepted') {
        outcomes.push({ state: 'notSent', path: built.request?.url, reason: 'an earlier event of this push was not accepted' });
        continue;
      }
      if (built.request === undefined) {
        outcomes.push({ state: 'notSent', reason: built.reason });
        continue;
      }
      const invocation = { event: built.event, context: undefined, cloudEvent: built.cloudEvent };
      outcomes.push(await deliver(link.dispatch, built.request, invocation, deadline, (outcome) => toOutcome(outcome, (built.request as DispatchRequest).url)));
    }
  }
  return outcomes;
}

/** A request to send, or why there is none. */
type Built =
  | { request: DispatchRequest; event: unknown; cloudEvent?: CloudEvent; reason?: undefined }
  | { request?: undefined; reason: string };

const NO_INVOCATION_HEADERS: Record<string, string> = {};

function cloudEventRequest(cloudEvent: CloudEvent, options: ResolvedOptions, path: string | undefined): Built {
  try {
    const to = options.routeRecord(cloudEvent) ?? path ?? safePath(cloudEvent.source);
    return { request: recordRequest(cloudEvent, options, options.headers, to, undefined), event: cloudEvent, cloudEvent };
  } catch (error) {
    return unsendable(error);
  }
}

/**
 * The requests of one raw event, built by the pipeline as the Lambda handler builds them (without a
 * Lambda context, so without invocation headers): an HTTP event's carried request; one request in event
 * mode or for a source whose caller wants one answer; else one binary CloudEvent per record.
 */
function eventRequests(event: unknown, options: ResolvedOptions): Built[] {
  const source = findSource(event);
  try {
    if (source?.answer === 'http') return [{ request: carriedRequest(source.toRequest(event), options.headers, NO_INVOCATION_HEADERS), event }];
    const path = source !== undefined ? source.route(event) : options.path;
    if (options.mode === 'event' || !deliversRecords(source)) {
      return [{ request: eventRequest(options, event, path, NO_INVOCATION_HEADERS, source?.metadata?.(event, undefined)), event }];
    }
    return cloudEventsFrom(source, event).map((cloudEvent, index): Built => {
      try {
        return { request: recordRequest(cloudEvent, options, options.headers, options.routeRecord(cloudEvent) ?? path, source?.metadata?.(event, index)), event, cloudEvent };
      } catch (error) {
        return unsendable(error);
      }
    });
  } catch (error) {
    return [unsendable(error)];
  }
}

/** As Lambda's record mode: a source whose caller wants one answer stays one request. */
function deliversRecords(source: EventSource | undefined): boolean {
  return source === undefined || source.answer === 'reject' || source.answer === 'envelope' || source.records?.result !== undefined;
}

function unsendable(error: unknown): Built {
  return { reason: `the event cannot be sent as an HTTP request: ${error instanceof Error ? error.message : String(error)}` };
}

/** The pipeline's outcome with the path it went to, as the senders answer it. */
function toOutcome(outcome: PipelineOutcome, path: string): Outcome {
  switch (outcome.kind) {
    case 'accepted':
      return { state: 'accepted', path, statusCode: outcome.response.statusCode, headers: outcome.response.headers, body: outcome.response.body };
    case 'rejected': {
      const response = outcome.response;
      if (response === undefined) {
        const cause = outcome.cause?.cause ?? outcome.cause;
        console.error(`cloud-events-handler: the app threw while handling ${path}:`, cause);
        return { state: 'rejected', path, statusCode: 500, headers: NO_HEADERS, body: Buffer.from('Internal Server Error'), cause };
      }
      return { state: 'rejected', path, statusCode: response.statusCode, headers: response.headers, body: response.body };
    }
    case 'timedOut':
      return { state: 'timedOut', path };
    case 'notSent':
      return { state: 'notSent', path, reason: outcome.reason };
  }
}

/**
 * The HTTP status an outcome stands for: the app's, 504 for a timeout, 500 for an event never sent
 * because it cannot be (400 would make some senders drop it), the failing status otherwise.
 *
 * @example
 * outcomeStatus({ state: 'timedOut', path: '/' }); // 504
 */
export function outcomeStatus(outcome: Outcome): number {
  if (outcome.state === 'timedOut') return 504;
  if (outcome.state === 'notSent') return 500;
  return outcome.statusCode;
}
