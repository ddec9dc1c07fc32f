// The env-configured handler (`node_modules/cloud-events-handler/handler.handler`, CLOUD_EVENTS_APP an
// Express app) run by AWS's own runtime interface client, aws-lambda-ric 4, against a Lambda Runtime API
// served here: what the app received and what the Runtime API got back. Needs Node 22+ and the RIC
// built for this Node (`bash test/ric/install.sh`); skipped with a message without them, except under
// CI=true, where a missing RIC is a failure.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../fixtures/load.js';
import { startProbe } from './probe.js';
import type { Probe, ReceivedRequest } from './probe.js';
import { findRic, makeTaskRoot, RIC_VERSION, startRic } from './ric.js';
import type { RicProcess } from './ric.js';
import { startRuntimeApi } from './runtime-api.js';
import type { InvocationHeaders, InvocationOutcome, RuntimeApi } from './runtime-api.js';

const ric = findRic();
const major = Number(process.versions.node.split('.')[0]);
const problem =
  major < 22 ? `aws-lambda-ric ${RIC_VERSION} needs Node 22 or later; this is ${process.version}`
  : ric === undefined ? `aws-lambda-ric ${RIC_VERSION} is not installed for ${process.version}: run \`bash test/ric/install.sh\` (or set CEH_RIC_DIR)`
  : undefined;
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

if (problem !== undefined && inCi) {
  it('aws-lambda-ric is set up for this Node', () => {
    throw new Error(problem);
  });
} else if (problem !== undefined) {
  console.warn(`test/ric skipped: ${problem}`);
}

/** One RIC process with its Runtime API and probe, for a describe block. */
interface Deployment {
  api: RuntimeApi;
  probe: Probe;
  client: RicProcess;
  /** Invoke and wait for the runtime's result (failing with the RIC's output after 20 s). */
  send(event: unknown, headers?: Partial<InvocationHeaders>): Promise<{ invocation: InvocationHeaders; outcome: InvocationOutcome; received: ReceivedRequest[] }>;
}

let root = '';

function deploy(env: Record<string, string>): () => Deployment {
  let deployment: Deployment | undefined;
  beforeAll(async () => {
    const api = await startRuntimeApi();
    const probe = await startProbe();
    const client = startRic(ric!, { root, runtimeApi: api.address, env: { CLOUD_EVENTS_APP: './app.mjs', RIC_TEST_PROBE: probe.url, ...env } });
    const send: Deployment['send'] = async (event, headers) => {
      const before = probe.received.length;
      const { invocation, outcome } = api.invoke(event, headers);
      return { invocation, outcome: await within(outcome, client), received: probe.received.slice(before) };
    };
    deployment = { api, probe, client, send };
  });
  afterAll(async () => {
    if (!deployment) return;
    await deployment.client.stop();
    await Promise.all([deployment.api.close(), deployment.probe.close()]);
    expect(deployment.api.unexpected).toEqual([]);
  });
  return () => deployment!;
}

function within<T>(promise: Promise<T>, client: RicProcess, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result from the RIC within ${ms} ms (exit code ${client.child.exitCode}); it printed:\n${client.output()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const text = (request: ReceivedRequest): string => Buffer.from(request.bodyBase64, 'base64').toString('utf8');

describe.skipIf(problem !== undefined)(`aws-lambda-ric ${RIC_VERSION} on ${process.version}`, () => {
  beforeAll(() => {
    root = makeTaskRoot();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('CLOUD_EVENTS_MODE=event', () => {
    const running = deploy({ CLOUD_EVENTS_MODE: 'event' });

    it('an S3 event reaches the app as its envelope, with the invocation headers; the 204 is the result', async () => {
      const event = loadFixture('aws-lambda-go/s3-event.json');
      const { invocation, outcome, received } = await running().send(event);
      expect(outcome.kind).toBe('response');
      expect(outcome.body).toEqual({ statusCode: 204, headers: expect.any(Object), body: '', isBase64Encoded: false });
      expect(received).toHaveLength(1);
      const [request] = received as [ReceivedRequest];
      const json = JSON.stringify(event);
      expect([request.method, request.url, text(request)]).toEqual(['POST', '/aws.s3', json]);
      expect(request.headers).toMatchObject({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) });
      expect(request.invocation).toEqual({ requestId: invocation.requestId });
    });

    it('x-amzn-request-id, x-amzn-trace-id and x-amzn-lambda-context carry the Runtime API invocation', async () => {
      const { invocation, received } = await running().send(loadFixture('aws-lambda-go/s3-event.json'), { traceId: 'Root=1-6a000000-0123456789abcdef01234567;Parent=1111111111111111;Sampled=1' });
      const headers = received[0]!.headers;
      expect(headers['x-amzn-request-id']).toBe(invocation.requestId);
      expect(headers['x-amzn-trace-id']).toBe('Root=1-6a000000-0123456789abcdef01234567;Parent=1111111111111111;Sampled=1');
      const context = JSON.parse(String(headers['x-amzn-lambda-context'])) as Record<string, unknown>;
      expect(context).toEqual({
        functionName: 'books',
        functionVersion: '$LATEST',
        invokedFunctionArn: invocation.functionArn,
        memoryLimitInMB: '512',
        awsRequestId: invocation.requestId,
        logGroupName: '/aws/lambda/books',
        logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
        deadline: expect.any(Number),
      });
      // The app's deadline: Lambda's (Lambda-Runtime-Deadline-Ms) less the handler's safety margin.
      expect(context.deadline as number).toBeLessThanOrEqual(invocation.deadlineMs);
      expect(context.deadline as number).toBeGreaterThan(Date.now());
    });

    it("the app's 500 to an S3 event goes to the error endpoint as an EventDeliveryError", async () => {
      const event = loadFixture('aws-lambda-go/s3-event.json') as { Records: Array<{ s3: { object: { key: string } } }> };
      event.Records[0]!.s3.object.key = 'fail/dune.pdf';
      const { outcome, received } = await running().send(event);
      expect(received.map((request) => request.url)).toEqual(['/aws.s3']);
      expect(outcome.kind).toBe('error');
      expect(outcome.body).toEqual({ errorType: 'EventDeliveryError', errorMessage: 'the app answered 500 to POST /aws.s3: storage is down', trace: expect.any(Array) });
      expect(outcome.headers['lambda-runtime-function-xray-error-cause']).toContain('EventDeliveryError');
    });

    it('an API Gateway HTTP API (2.0) event reaches the app as the request it carries; the answer is in 2.0 format', async () => {
      const event = loadFixture('powertools/apigw-http/no-auth.json') as Record<string, unknown> & { headers: Record<string, string>; requestContext: { http: Record<string, string> } };
      const body = JSON.stringify({ title: 'Dune' });
      Object.assign(event, { routeKey: 'POST /books/{id}', rawPath: '/books/dune', rawQueryString: 'lang=en', cookies: ['session=abc', 'theme=dark'], body });
      Object.assign(event.headers, { 'content-type': 'application/json', 'content-length': String(body.length) });
      event.requestContext.http.path = '/books/dune';
      const { invocation, outcome, received } = await running().send(event);
      const [request] = received as [ReceivedRequest];
      expect([request.method, request.url, text(request)]).toEqual(['POST', '/books/dune?lang=en', body]);
      expect(request.headers).toMatchObject({ cookie: 'session=abc; theme=dark', 'content-type': 'application/json', 'x-amzn-request-id': invocation.requestId });
      expect(request.invocation).toEqual({ requestId: invocation.requestId });
      expect(outcome.kind).toBe('response');
      const result = outcome.body as { statusCode: number; headers: Record<string, string>; body: string; cookies: string[]; isBase64Encoded: boolean };
      expect(result).toMatchObject({ statusCode: 201, isBase64Encoded: false, cookies: ['seen=dune; Path=/'] });
      expect(result.headers).toMatchObject({ 'x-book': 'dune', 'content-type': 'application/json; charset=utf-8' });
      expect(JSON.parse(result.body)).toEqual({ id: 'dune', lang: 'en', cookie: 'session=abc; theme=dark', title: 'Dune' });
    });
  });

  describe('CLOUD_EVENTS_MODE=record', () => {
    const running = deploy({ CLOUD_EVENTS_MODE: 'record' });

    it('an SQS batch with one failing record: one CloudEvent request per message, batchItemFailures exact', async () => {
      const sample = (loadFixture('aws-lambda-go/sqs-event.json') as { Records: Array<Record<string, unknown>> }).Records[0]!;
      const bodies = [{ title: 'Dune' }, { fail: true }, { title: 'Emma' }];
      const event = { Records: bodies.map((body, i) => ({ ...sample, messageId: `m-${i + 1}`, body: JSON.stringify(body) })) };
      const { invocation, outcome, received } = await running().send(event);
      expect(outcome).toMatchObject({ kind: 'response', body: { batchItemFailures: [{ itemIdentifier: 'm-2' }] } });
      expect(outcome.body).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }] });
      expect(received.map((request) => [request.method, request.url, text(request)])).toEqual(bodies.map((body) => ['POST', '/aws.sqs', JSON.stringify(body)]));
      received.forEach((request, i) => {
        expect(request.headers).toMatchObject({
          'ce-specversion': '1.0',
          'ce-id': `m-${i + 1}`,
          'ce-type': 'com.amazonaws.sqs.message',
          'ce-source': 'arn:aws:sqs:us-west-2:123456789012:SQSQueue',
          'content-type': 'application/json',
          'x-amzn-request-id': invocation.requestId,
        });
        expect(request.invocation).toEqual({ requestId: invocation.requestId, cloudEventId: `m-${i + 1}` });
      });
    });
  });

  describe('CLOUD_EVENTS_APP naming a module that is not there', () => {
    const running = deploy({ CLOUD_EVENTS_APP: './missing.mjs' });

    it('fails the first invocation (not the init) with the variable and the module in the message', async () => {
      const { outcome, received } = await running().send(loadFixture('aws-lambda-go/s3-event.json'));
      expect(received).toEqual([]);
      expect(outcome.kind).toBe('error');
      expect(outcome.body).toMatchObject({ errorType: 'ConfigurationError', errorMessage: expect.stringContaining(`CLOUD_EVENTS_APP="./missing.mjs": cannot find module "./missing.mjs" from ${root}`) });
      expect(running().api.initErrors).toEqual([]);
    });
  });

  describe('AWS_LAMBDA_MAX_CONCURRENCY=8 (Lambda Managed Instances: invocations in flight at once in one process)', () => {
    // Two worker threads (the RIC's AWS_LAMBDA_NODEJS_WORKER_COUNT; default 8 per CPU), each of which
    // takes further invocations while its earlier ones are in flight.
    const running = deploy({ CLOUD_EVENTS_MODE: 'event', AWS_LAMBDA_MAX_CONCURRENCY: '8', AWS_LAMBDA_NODEJS_WORKER_COUNT: '2' });
    const COUNT = 8;
    const answers: Array<{ invocation: InvocationHeaders; answer: Record<string, unknown> }> = [];

    it('8 invocations held in the app at once, answered in reverse order: each request sees its own invocation', async () => {
      const { api, probe, client } = running();
      const heldEvent = (n: number) => ({ version: '0', id: `evt-${n}`, 'detail-type': 'Held', source: 'ric.test', account: '123456789012', time: '2026-01-01T00:00:00Z', region: 'eu-west-1', resources: [], detail: { n, hold: `h${n}` } });
      const sent = Array.from({ length: COUNT }, (_, n) => api.invoke(heldEvent(n)));
      await within(probe.held(COUNT), client);
      expect(probe.received).toHaveLength(COUNT);
      for (let n = COUNT - 1; n >= 0; n--) {
        probe.release(`h${n}`);
        const outcome = await within(sent[n]!.outcome, client);
        expect(outcome.kind).toBe('response');
        const answer = JSON.parse((outcome.body as { body: string }).body) as Record<string, unknown>;
        const { requestId } = sent[n]!.invocation;
        expect(answer).toMatchObject({ n, invocationRequestId: requestId, requestIdHeader: requestId });
        answers.push({ invocation: sent[n]!.invocation, answer });
      }
      // What the app saw on arrival: each request's getInvocation() matches its x-amzn-request-id and event.
      const byRequestId = new Map(sent.map(({ invocation }, n) => [invocation.requestId, n]));
      for (const request of probe.received) {
        const n = byRequestId.get(String(request.headers['x-amzn-request-id']));
        expect(request.invocation).toEqual({ requestId: request.headers['x-amzn-request-id'] });
        expect((JSON.parse(text(request)) as { detail: { n: number } }).detail.n).toBe(n);
      }
    });

    // Known defect, pinned: under AWS_LAMBDA_MAX_CONCURRENCY the RIC (v4) leaves _X_AMZN_TRACE_ID unset
    // (one variable cannot hold several invocations' ids) and gives the id as context.xRayTraceId (and
    // awslambda.InvokeStore); src/handlers/lambda/invocation-headers.ts reads only the variable, so the app
    // gets no x-amzn-trace-id. Once it reads context.xRayTraceId first, this fails: make it `it`.
    it("each request's x-amzn-trace-id is its own invocation's Lambda-Runtime-Trace-Id", () => {
      expect(answers).toHaveLength(COUNT);
      for (const { invocation, answer } of answers) expect(answer.traceHeader).toBe(invocation.traceId);
    });
  });
});
