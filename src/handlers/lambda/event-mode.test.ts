import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { express5App, fastify5App, honoApp, koaApp, rawListener } from '../../../test/apps/echo.js';
import type { EchoApp, Respond } from '../../../test/apps/echo.js';
import { EventDeliveryError } from '../../errors.js';
import { getInvocation } from '../../invocation.js';
import { createLambdaHandler } from './index.js';

/** One sample per row of docs/api.md's routing table, with the row's path, written from the table. */
const ROWS: Array<[row: string, fixture: string, path: string]> = [
  ['CloudEvent', 'documented/cloudevents/structured-0.3.json', '/mycontext'],
  ['EventBridge', 'powertools/eventbridge/base.json', '/aws.ec2'],
  ['EventBridge scheduled', 'aws-sam-cli/cloudwatch/ScheduledEvent.json', '/aws.events'],
  ['IoT Events', 'documented/aws/iot-events-action.json', '/overTemperature'],
  ['S3', 'aws-lambda-go/s3-event.json', '/aws.s3'],
  ['CodeCommit', 'aws-lambda-go/code-commit-event.json', '/aws.codecommit'],
  ['DynamoDB Streams', 'aws-lambda-go/dynamodb-event.json', '/aws.dynamodb'],
  ['Kinesis', 'aws-lambda-go/kinesis-event.json', '/aws.kinesis'],
  ['SNS', 'aws-lambda-go/sns-event.json', '/aws.sns'],
  ['SQS', 'aws-lambda-go/sqs-event.json', '/aws.sqs'],
  ['SES', 'aws-lambda-go/ses-lambda-event.json', '/aws.ses'],
  ['Lex', 'aws-lambda-go/lex-event.json', '/aws.lex'],
  ['Kinesis Firehose', 'aws-lambda-go/kinesis-firehose-event.json', '/aws.kinesis.firehose'],
  ['Cognito', 'aws-lambda-go/cognito-event.json', '/aws.cognito'],
  ['Config', 'aws-lambda-go/config-event.json', '/aws.config'],
  ['CloudFront', 'aws-sam-cli/cloudfront/CloudFrontSimpleRemoteCall.json', '/aws.cloudfront'],
  ['CloudFormation', 'aws-sam-cli/cloudformation/CfnCreateRequest.json', '/aws.cloudformation'],
  ['Alexa', 'aws-sam-cli/alexa-smart-home/AlexaSmartHomeDiscoveryRequest.json', '/aws.alexa'],
];

/** Rows whose caller waits for an answer in its own shape (issue 4: request-response sources). */
const SYNC_ROWS = new Set(['Lex', 'Kinesis Firehose', 'CloudFront', 'Alexa']);

const APPS: Array<(respond?: Respond) => EchoApp> = [express5App, koaApp, fastify5App, honoApp, rawListener];

const context = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'books',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:books',
  memoryLimitInMB: '512',
  logGroupName: '/aws/lambda/books',
  logStreamName: '2026/11/24/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 3000,
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('event mode delivers every row of the routing table', () => {
  for (const makeApp of APPS) {
    const echo = makeApp();
    describe(echo.name, () => {
      const handler = createLambdaHandler(echo.app);
      for (const [row, fixture, path] of ROWS) {
        it(`${row} → POST ${path}, body byte-identical to the event's JSON`, async () => {
          const event = loadFixture(fixture) as Record<string, unknown>;
          // No ResponseURL: tests send nothing off this machine (the callback is tested in cloudformation.test.ts).
          if (row === 'CloudFormation') delete event.ResponseURL;
          const result = await handler(event, context);
          const received = echo.received.at(-1)!;
          expect(received.method).toBe('POST');
          expect(received.url).toBe(path);
          expect(received.body.equals(Buffer.from(JSON.stringify(event)))).toBe(true);
          expect(received.headers['content-type']).toBe('application/json');
          expect(received.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(event))));
          if (SYNC_ROWS.has(row)) {
            // A caller that waits for an answer in its own shape gets the app's JSON body.
            if (row === 'CloudFront') expect(result).toMatchObject({ status: '200' });
            else expect(result).toEqual({ ok: true });
          } else {
            expect(result).toEqual({ statusCode: 200, headers: expect.objectContaining({ 'content-type': expect.stringMatching(/^application\/json/) }), body: '{"ok":true}', isBase64Encoded: false });
          }
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        });
      }
    });
  }
});

describe('request shape', () => {
  it('carries the invocation in x-amzn-* headers', async () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    const echo = rawListener();
    const before = Date.now();
    await createLambdaHandler(echo.app)(loadFixture('aws-lambda-go/sqs-event.json'), context);
    const headers = echo.received[0]!.headers;
    expect(headers['x-amzn-request-id']).toBe(context.awsRequestId);
    expect(headers['x-amzn-trace-id']).toBe('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    const lambdaContext = JSON.parse(headers['x-amzn-lambda-context'] as string);
    expect(lambdaContext).toEqual({
      functionName: 'books',
      functionVersion: '$LATEST',
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: '512',
      awsRequestId: context.awsRequestId,
      logGroupName: '/aws/lambda/books',
      logStreamName: '2026/11/24/[$LATEST]abcdef',
      deadline: expect.any(Number),
    });
    expect(lambdaContext.deadline).toBeGreaterThanOrEqual(before + 2750 - 5);
    expect(lambdaContext.deadline).toBeLessThanOrEqual(Date.now() + 2750);
    expect(headers.host).toBe('localhost');
  });

  it('request defaults: method, path for unrecognised events, headers that lose to the event\'s own', async () => {
    const echo = rawListener();
    const handler = createLambdaHandler(echo.app, {
      request: { method: 'put', path: '/fallback', headers: { 'X-Tenant': 'acme', 'Content-Type': 'text/plain', Host: 'books.internal' } },
    });
    await handler({ something: 'unrecognised' }, context);
    const received = echo.received[0]!;
    expect(received.method).toBe('PUT');
    expect(received.url).toBe('/fallback');
    expect(received.headers['x-tenant']).toBe('acme');
    expect(received.headers.host).toBe('books.internal');
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.body.toString()).toBe('{"something":"unrecognised"}');
  });

  it('GET and HEAD carry no body, no content-type and no content-length', async () => {
    for (const method of ['GET', 'HEAD']) {
      const echo = rawListener();
      await createLambdaHandler(echo.app, { request: { method, path: '/books' } })({}, context);
      const received = echo.received[0]!;
      expect([received.method, received.url, received.body.length]).toEqual([method, '/books', 0]);
      expect(received.headers['content-type']).toBeUndefined();
      expect(received.headers['content-length']).toBeUndefined();
    }
  });

  it('an empty event goes to request.path (default /)', async () => {
    const echo = rawListener();
    await createLambdaHandler(echo.app)({}, context);
    expect(echo.received[0]!.url).toBe('/');
  });

  it('getInvocation() inside the app gives the event and context, for listener and fetch apps', async () => {
    const event = loadFixture('aws-lambda-go/s3-event.json');
    for (const echo of [rawListener(), honoApp(), express5App()]) {
      await createLambdaHandler(echo.app)(event, context);
      expect(echo.received[0]!.invocation).toEqual({ event, context });
    }
    expect(getInvocation()).toBeUndefined();
  });

  it('the handler takes exactly two parameters', () => {
    expect(createLambdaHandler(rawListener().app).length).toBe(2);
    expect(createLambdaHandler(rawListener().app, { mode: 'record' }).length).toBe(2);
  });

  it('an app it cannot drive is a TypeError at creation; a bad option a ConfigurationError', () => {
    expect(() => createLambdaHandler(42)).toThrow(TypeError);
    expect(() => createLambdaHandler(rawListener().app, { request: { path: 'no-slash' } })).toThrow(/request.path/);
    expect(() => createLambdaHandler(rawListener().app, { mode: 'batch' as never })).toThrow(/mode/);
    expect(() => createLambdaHandler(rawListener().app, { request: { headers: { x: 'a\r\nb' } } })).toThrow(/request.headers.x/);
  });
});

describe('result envelope', () => {
  it('a binary body comes back base64; repeated headers are joined, with multiValueHeaders', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]);
    const echo = rawListener(() => ({ status: 200, body: bytes, headers: { 'content-type': 'image/png', 'set-cookie': ['a=1', 'b=2'] } }));
    const result = await createLambdaHandler(echo.app)({ direct: true }, context);
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'image/png', 'set-cookie': 'a=1, b=2' },
      multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    });
  });

  it('an app-built batchItemFailures answer to SQS, Kinesis and DynamoDB is the result', async () => {
    const answer = { batchItemFailures: [{ itemIdentifier: '059f36b4-87a3-44ab-83d2-661975830a7d' }] };
    for (const fixture of ['aws-lambda-go/sqs-event.json', 'aws-lambda-go/kinesis-event.json', 'aws-lambda-go/dynamodb-event.json']) {
      const echo = express5App(() => ({ status: 200, body: JSON.stringify(answer), headers: { 'content-type': 'application/json' } }));
      expect(await createLambdaHandler(echo.app)(loadFixture(fixture), context)).toEqual(answer);
    }
    // Not for other sources: an S3 event gets the envelope.
    const echo = express5App(() => ({ status: 200, body: JSON.stringify(answer) }));
    expect(await createLambdaHandler(echo.app)(loadFixture('aws-lambda-go/s3-event.json'), context)).toMatchObject({ statusCode: 200 });
  });
});

describe('failure semantics: nothing is acknowledged that the app did not accept', () => {
  const RETRIED = ['aws-lambda-go/s3-event.json', 'aws-lambda-go/sqs-event.json', 'aws-lambda-go/sns-event.json', 'powertools/eventbridge/base.json'];
  const failures: Array<[string, Respond]> = [
    ['a 500', () => ({ status: 500, body: 'database down' })],
    ['a 503', () => ({ status: 503, body: '' })],
    ['a 404', () => ({ status: 404, body: 'no route' })],
    ['a thrown error', () => 'throw'],
  ];
  for (const makeApp of [express5App, koaApp, fastify5App, honoApp]) {
    for (const [label, respond] of failures) {
      it(`${makeApp().name}: ${label} on S3, SQS, SNS and EventBridge rejects with EventDeliveryError`, async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const echo = makeApp(respond);
        const handler = createLambdaHandler(echo.app);
        for (const fixture of RETRIED) {
          const error = await handler(loadFixture(fixture), context).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(EventDeliveryError);
          const delivery = error as EventDeliveryError;
          expect(delivery.statusCode).toBeGreaterThanOrEqual(label === 'a 404' ? 404 : 500);
          expect(delivery.path).toBe(echo.received.at(-1)!.url);
          expect(delivery.code).toBe('EVENT_REJECTED');
        }
        expect(echo.received.length).toBe(RETRIED.length);
      });
    }
  }

  it('the error carries status, body and path', async () => {
    const echo = rawListener(() => ({ status: 503, body: 'try later' }));
    const error = (await createLambdaHandler(echo.app)(loadFixture('aws-lambda-go/sqs-event.json'), context).catch((e: unknown) => e)) as EventDeliveryError;
    expect([error.statusCode, error.body, error.path, error.message]).toEqual([503, 'try later', '/aws.sqs', 'the app answered 503 to POST /aws.sqs: try later']);
  });

  it('a raw listener that throws on a retried event rejects with APP_ERROR and the cause', async () => {
    const handler = createLambdaHandler(() => {
      throw new Error('kaboom');
    }, {});
    const app = (req: unknown, res: unknown) => {
      void req;
      void res;
      throw new Error('kaboom');
    };
    const error = (await createLambdaHandler(app)(loadFixture('aws-lambda-go/s3-event.json'), context).catch((e: unknown) => e)) as EventDeliveryError;
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect([error.code, error.statusCode, error.path]).toEqual(['APP_ERROR', 500, '/aws.s3']);
    expect((error.cause as Error).message).toBe('kaboom');
    expect(handler.length).toBe(2);
  });

  it('a direct invocation gets the envelope whatever the status; a throw becomes a logged 500', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const echo = rawListener(() => ({ status: 404, body: 'nope' }));
    expect(await createLambdaHandler(echo.app)({ hello: 'direct' }, context)).toMatchObject({ statusCode: 404, body: 'nope' });
    const thrower = (req: unknown, res: unknown) => {
      void [req, res];
      throw new Error('direct boom');
    };
    expect(await createLambdaHandler(thrower)({ hello: 'direct' }, context)).toEqual({
      statusCode: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'Internal Server Error',
      isBase64Encoded: false,
    });
    expect(String(logged.mock.calls[0]?.[1])).toContain('direct boom');
  });

  it('an app that never answers fails the invocation with a timeout before the deadline', async () => {
    const never = (req: unknown, res: unknown) => void [req, res];
    const shortContext = { ...context, getRemainingTimeInMillis: () => 400 };
    const started = Date.now();
    for (const event of [loadFixture('aws-lambda-go/sqs-event.json'), { direct: true }]) {
      const error = (await createLambdaHandler(never)(event, shortContext).catch((e: unknown) => e)) as EventDeliveryError;
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect([error.code, error.statusCode]).toEqual(['APP_TIMEOUT', 504]);
      expect(error.message).toMatch(/did not answer POST \/.* within (1[5-9]\d|200) ms/);
    }
    expect(Date.now() - started).toBeLessThan(800);
  });
});

describe('request-response sources whose errors are answers', () => {
  it('CloudFront: a 302 or a 403 from the app goes to the viewer as a CloudFront response, not a failed invocation', async () => {
    const event = loadFixture('aws-sam-cli/cloudfront/CloudFrontSimpleRemoteCall.json');
    const answers: Array<[number, Record<string, string>]> = [
      [302, { location: 'https://example.com/login' }],
      [403, { 'content-type': 'text/plain' }],
    ];
    for (const [status, headers] of answers) {
      const echo = express5App(() => ({ status, headers, body: status === 403 ? 'forbidden' : '' }));
      const result = (await createLambdaHandler(echo.app)(event, context)) as { status: string; headers: Record<string, Array<{ key: string; value: string }>> };
      expect(result.status).toBe(String(status));
      if (status === 302) expect(result.headers.location).toEqual([{ key: 'Location', value: 'https://example.com/login' }]);
    }
  });

  it('Kafka records go one at a time, in order, and none after a failure', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const event = loadFixture('aws-lambda-go/kafka-event.json') as { records: Record<string, Array<Record<string, unknown>>> };
    const [key, records] = Object.entries(event.records)[0]!;
    const many = { ...event, records: { [key]: [0, 1, 2, 3].map((i) => ({ ...records[0], offset: 100 + i })) } };
    let calls = 0;
    const echo = rawListener(() => (++calls === 2 ? { status: 500 } : { status: 200 }));
    const error = await createLambdaHandler(echo.app, { mode: 'record' })(many, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventDeliveryError);
    expect(echo.received.map((r) => r.headers['ce-id'])).toEqual([`${key}-100`, `${key}-101`]);
  });
});
