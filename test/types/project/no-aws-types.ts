// A Google Cloud Functions, Azure Functions or plain HTTP user's module, written against the packed package
// with @types/node only: no @types/aws-lambda installed (it is an optional peer dependency, and such a user
// has no reason to add it). The packaging test (test/package.test.ts) compiles it with tsc, strict and
// skipLibCheck false (TypeScript's default), as an ES module and as CommonJS under `module: nodenext`, so
// every shipped declaration must resolve without 'aws-lambda'. Each `@ts-expect-error` line is a misuse
// that must keep failing.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  createAzureFunctionHandler,
  createCloudEventFunction,
  createEventGateway,
  createLambdaHandler,
  unwrapSnsInSqs,
} from 'cloud-events-handler';
import type { AzureInvocationContext, CloudEvent, CloudEventFunction, LambdaResult } from 'cloud-events-handler';
import { invoke, sampleEvent } from 'cloud-events-handler/testing';
import type { InvokeResult } from 'cloud-events-handler/testing';

const app = (_req: IncomingMessage, res: ServerResponse) => res.end('ok');

export const library: CloudEventFunction = createCloudEventFunction(app, { routes: { 'google.cloud.storage.*': '/uploads' }, timeoutMs: 10_000 });
export const azureHandler = createAzureFunctionHandler(app, { mode: 'record', request: { headers: { 'x-tenant': 'a' } } });
export const gateway = createEventGateway(app, { mode: 'record', auth: { token: { value: 'secret' } } });
export const server: Server = createServer(gateway);
export const lambda = createLambdaHandler(app, { mode: 'record' });

const context: AzureInvocationContext = { invocationId: 'i-1', options: { trigger: { type: 'queueTrigger' } } };

export async function run(): Promise<[void, unknown, Response, LambdaResult, InvokeResult]> {
  return [
    await library({ specversion: '1.0', id: '1', source: '//storage.googleapis.com/projects/_/buckets/b', type: 'google.cloud.storage.object.v1.finalized', data: {} }),
    await azureHandler('a job', context),
    await gateway.fetch(new Request('http://localhost/', { method: 'POST', body: '{}' })),
    await lambda({ Records: [] }, { awsRequestId: 'r-1' }),
    await invoke(app, sampleEvent('aws.sqs', { body: 'hello' }), { mode: 'record', context: { awsRequestId: 'r-2' } }),
  ];
}

// An SQS event that SNS fans out into, from a queue poller or a test: its CloudEvents, SNS unwrapped.
const queued = { Records: [{ messageId: 'm-1', body: '{"Type":"Notification"}', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-1:1:q' }] };
export const unwrapped: CloudEvent[] = unwrapSnsInSqs(queued, { awsRequestId: 'r-3' });

// @ts-expect-error an SQS event has Records
unwrapSnsInSqs({ Messages: [] });
// @ts-expect-error mode is 'event' or 'record'
createCloudEventFunction(app, { mode: 'batch' });
// @ts-expect-error the time limit is timeoutMs
createAzureFunctionHandler(app, { timeoutMS: 1000 });
// @ts-expect-error concurrency is a Lambda option (record batches); Azure delivers a batch in order
createAzureFunctionHandler(app, { concurrency: 4 });
// @ts-expect-error the gateway's time limit is timeoutMs
createEventGateway(app, { timeout: 1000 });
