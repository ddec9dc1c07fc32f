import { gunzipSync } from 'node:zlib';
import { CloudEvent as SdkCloudEvent } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { routeFor, toCloudEvents, validateCloudEvent } from '../index.js';
import { SampleError, findSample, sampleEvent, samples } from './index.js';

// What each sample must be recognised as, through the public API only: the event-mode path (HTTP events
// carry their own request, so their path is the request's) and the CloudEvent type record mode gives.
const EXPECTED: Record<string, [path: string, type: string]> = {
  'aws.s3.put': ['/aws.s3', 'com.amazonaws.s3.ObjectCreated:Put'],
  'aws.s3.delete': ['/aws.s3', 'com.amazonaws.s3.ObjectRemoved:Delete'],
  'aws.sqs': ['/aws.sqs', 'com.amazonaws.sqs.message'],
  'aws.sqs.fifo': ['/aws.sqs', 'com.amazonaws.sqs.message'],
  'aws.sns': ['/aws.sns', 'com.amazonaws.sns.Notification'],
  'aws.events': ['/com.example.books', 'Book Published'],
  'aws.events.scheduled': ['/aws.events', 'Scheduled Event'],
  'aws.ses': ['/aws.ses', 'com.amazonaws.ses.received'],
  'aws.kinesis': ['/aws.kinesis', 'com.amazonaws.kinesis.record'],
  'aws.dynamodb.insert': ['/aws.dynamodb', 'com.amazonaws.dynamodb.INSERT'],
  'aws.dynamodb.modify': ['/aws.dynamodb', 'com.amazonaws.dynamodb.MODIFY'],
  'aws.dynamodb.remove': ['/aws.dynamodb', 'com.amazonaws.dynamodb.REMOVE'],
  'aws.firehose': ['/aws.kinesis.firehose', 'com.amazonaws.firehose.record'],
  'aws.kafka': ['/aws.kafka', 'com.amazonaws.kafka.record'],
  'aws.logs': ['/aws.logs', 'com.amazonaws.logs.DATA_MESSAGE'],
  'aws.apigw.http': ['/', 'com.amazonaws.apigateway.http.request'],
  'aws.apigw.rest': ['/', 'com.amazonaws.apigateway.request'],
  'aws.alb': ['/', 'com.amazonaws.elasticloadbalancing.request'],
  'aws.lambda.url': ['/', 'com.amazonaws.lambda.url.request'],
  'aws.cloudfront': ['/aws.cloudfront', 'com.amazonaws.cloudfront.viewer-request'],
  'aws.cognito-idp.pre-sign-up': ['/aws.cognito-idp/pre-sign-up', 'com.amazonaws.cognito-idp.PreSignUp_SignUp'],
  'aws.cognito-idp.post-confirmation': ['/aws.cognito-idp/post-confirmation', 'com.amazonaws.cognito-idp.PostConfirmation_ConfirmSignUp'],
  'aws.cognito-idp.pre-token-generation': ['/aws.cognito-idp/pre-token-generation', 'com.amazonaws.cognito-idp.TokenGeneration_Authentication'],
  'aws.cloudformation.create': ['/aws.cloudformation', 'com.amazonaws.cloudformation.Create'],
  'aws.cloudformation.update': ['/aws.cloudformation', 'com.amazonaws.cloudformation.Update'],
  'aws.cloudformation.delete': ['/aws.cloudformation', 'com.amazonaws.cloudformation.Delete'],
  'google.pubsub': ['/google.pubsub', 'google.cloud.pubsub.topic.v1.messagePublished'],
  'azure.eventgrid': ['/azure.eventgrid', 'Microsoft.Storage.BlobCreated'],
  cloudevent: ['/books/catalog', 'com.example.book.published'],
};

type Json = Record<string, any>;
const records = (event: unknown): Json[] => (event as Json).Records;

describe('sample events', () => {
  it('has an expectation for every sample and a sample for every expectation, names unique', () => {
    expect(samples.map((s) => s.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(samples.map((s) => [s.name]))('%s is recognised as its own source and converts to valid CloudEvents', (name) => {
    const [path, type] = EXPECTED[name] as [string, string];
    const event = sampleEvent(name);
    expect(routeFor(event)).toBe(path);
    // What the CLI prints and `--event FILE` reads back: plain JSON.
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    const cloudEvents = toCloudEvents(event);
    expect(cloudEvents.length).toBeGreaterThan(0);
    expect(cloudEvents[0]?.type).toBe(type);
    for (const cloudEvent of cloudEvents) {
      expect(validateCloudEvent(cloudEvent)).toEqual([]);
      expect(() => new SdkCloudEvent({ ...cloudEvent }).validate()).not.toThrow();
    }
  });

  it('is fresh on every call: new ids and timestamps', async () => {
    const first = sampleEvent('aws.sqs') as Json;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = sampleEvent('aws.sqs') as Json;
    expect(second.Records[0].messageId).not.toBe(first.Records[0].messageId);
    expect(second.Records[0].attributes.SentTimestamp).not.toBe(first.Records[0].attributes.SentTimestamp);
    expect((sampleEvent('aws.events') as Json).id).not.toBe((sampleEvent('aws.events') as Json).id);
    expect(toCloudEvents(sampleEvent('aws.s3.put'))[0]?.id).not.toBe(toCloudEvents(sampleEvent('aws.s3.put'))[0]?.id);
  });

  it('takes the batch size, or one set of overrides per record', () => {
    const three = sampleEvent('aws.sqs', { records: 3 });
    expect(records(three)).toHaveLength(3);
    expect(new Set(records(three).map((r) => r.messageId)).size).toBe(3);
    expect(toCloudEvents(sampleEvent('aws.kinesis', { records: 4 }))).toHaveLength(4);
    expect(toCloudEvents(sampleEvent('aws.dynamodb.insert', { records: 2 }))).toHaveLength(2);
    expect(toCloudEvents(sampleEvent('aws.kafka', { records: 5 }))).toHaveLength(5);
    const each = sampleEvent('aws.sqs', { body: 'shared', records: [{}, { body: { id: 2 } }] });
    expect(records(each).map((r) => r.body)).toEqual(['shared', '{"id":2}']);
    // FIFO: one group, sequence numbers in order.
    const fifo = records(sampleEvent('aws.sqs.fifo', { records: 3, groupId: 'g' }));
    expect(fifo.map((r) => r.attributes.MessageGroupId)).toEqual(['g', 'g', 'g']);
    const sequence = fifo.map((r) => BigInt(r.attributes.SequenceNumber));
    expect(sequence[1]! - sequence[0]!).toBe(1n);
  });

  it('S3: bucket and key (encoded as S3 does; the CloudEvent subject decodes it)', () => {
    const event = sampleEvent('aws.s3.put', { bucket: 'library', key: 'books/dune 2.pdf', size: 7 });
    const s3 = records(event)[0]!.s3;
    expect([s3.bucket.name, s3.bucket.arn, s3.object.key, s3.object.size]).toEqual(['library', 'arn:aws:s3:::library', 'books/dune+2.pdf', 7]);
    expect(toCloudEvents(event)[0]).toMatchObject({ subject: 'books/dune 2.pdf' });
    expect(records(sampleEvent('aws.s3.delete'))[0]!.s3.object.size).toBeUndefined();
  });

  it('SQS and SNS: queue, topic, body and attributes; the CloudEvent data is the body', () => {
    const sqs = sampleEvent('aws.sqs', { queue: 'books', body: { isbn: '1' }, attributes: { kind: 'new', count: 2 } });
    const record = records(sqs)[0]!;
    expect(record.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:books');
    expect(record.messageAttributes).toEqual({
      kind: { stringValue: 'new', stringListValues: [], binaryListValues: [], dataType: 'String' },
      count: { stringValue: '2', stringListValues: [], binaryListValues: [], dataType: 'Number' },
    });
    expect(toCloudEvents(sqs)[0]).toMatchObject({ id: record.messageId, data: { isbn: '1' }, datacontenttype: 'application/json' });
    const sns = records(sampleEvent('aws.sns', { topic: 'arn:aws:sns:eu-west-1:1:t', message: 'hi', attributes: { a: 'b' } }))[0]!.Sns;
    expect([sns.TopicArn, sns.Message, sns.MessageAttributes]).toEqual(['arn:aws:sns:eu-west-1:1:t', 'hi', { a: { Type: 'String', Value: 'b' } }]);
  });

  it('EventBridge: source, detail-type and detail', () => {
    const event = sampleEvent('aws.events', { source: 'com.shop', 'detail-type': 'Order Placed', detail: { id: 9 } });
    expect(routeFor(event)).toBe('/com.shop');
    expect(toCloudEvents(event)[0]).toMatchObject({ source: 'com.shop', type: 'Order Placed', data: { id: 9 } });
  });

  it('Kinesis, DynamoDB, Logs and Pub/Sub: data as the CloudEvent data', () => {
    expect(toCloudEvents(sampleEvent('aws.kinesis', { data: { n: 1 } }))[0]?.data).toEqual({ n: 1 });
    expect(toCloudEvents(sampleEvent('aws.dynamodb.modify', { keys: { pk: 'b#1' }, newImage: { pk: 'b#1', stock: 3, tags: ['x'] } }))[0]?.data).toMatchObject({
      dynamodb: { Keys: { pk: 'b#1' }, NewImage: { pk: 'b#1', stock: 3, tags: ['x'] } },
    });
    const logs = JSON.parse(gunzipSync(Buffer.from((sampleEvent('aws.logs', { logGroup: '/g', messages: ['one'] }) as Json).awslogs.data, 'base64')).toString());
    expect([logs.logGroup, logs.logEvents.map((e: Json) => e.message)]).toEqual(['/g', ['one']]);
    expect(toCloudEvents(sampleEvent('google.pubsub', { data: 'plain' }))[0]).toMatchObject({ type: 'google.cloud.pubsub.topic.v1.messagePublished' });
  });

  it('HTTP events: method, path with query, headers and body are the request the event carries', () => {
    for (const name of ['aws.apigw.http', 'aws.apigw.rest', 'aws.alb', 'aws.lambda.url']) {
      const event = sampleEvent(name, { method: 'put', path: '/books/1?draft=true', headers: { 'X-Trace': 't' }, body: { title: 'Dune' } }) as Json;
      expect(routeFor(event), name).toBe('/books/1');
      expect(JSON.stringify(event), name).toContain('draft');
      expect(event.body, name).toBe('{"title":"Dune"}');
      expect(event.headers['x-trace'], name).toBe('t');
      expect(event.headers['content-type'], name).toBe('application/json');
      expect(event.requestContext?.http?.method ?? event.httpMethod, name).toBe('PUT');
    }
  });

  it('Cognito, CloudFormation, Event Grid and CloudEvents take their salient fields', () => {
    expect(sampleEvent('aws.cognito-idp.pre-sign-up', { userName: 'jane', userAttributes: { email: 'j@x' } })).toMatchObject({ userName: 'jane', request: { userAttributes: { email: 'j@x' } } });
    expect(sampleEvent('aws.cloudformation.update', { resourceType: 'Custom::Books', properties: { Shelf: 'A' } })).toMatchObject({
      RequestType: 'Update',
      ResourceType: 'Custom::Books',
      ResourceProperties: { Shelf: 'A' },
      OldResourceProperties: expect.any(Object),
      PhysicalResourceId: expect.any(String),
    });
    expect(sampleEvent('aws.cloudformation.create')).not.toHaveProperty('PhysicalResourceId');
    expect(toCloudEvents(sampleEvent('azure.eventgrid', { eventType: 'Microsoft.Storage.BlobDeleted' }))[0]?.type).toBe('Microsoft.Storage.BlobDeleted');
    const cloudEvent = sampleEvent('cloudevent', { source: 'urn:shop', type: 't.x', data: 'hi', datacontenttype: 'text/plain', extensions: { tenant: 'a' } });
    expect(toCloudEvents(cloudEvent)[0]).toMatchObject({ source: 'urn:shop', type: 't.x', data: 'hi', tenant: 'a' });
  });

  it('says what is wrong with a name or an override, with what would be valid', () => {
    expect(() => sampleEvent('aws.s4')).toThrow(/no sample event named "aws.s4": the samples are aws.s3.put, /);
    expect(() => sampleEvent('aws.s3.put', { buckett: 'x' })).toThrow('sample aws.s3.put has no override "buckett": it takes bucket, key, size, region, records');
    expect(() => sampleEvent('aws.sqs', { records: -1 })).toThrow(/sample aws.sqs: override "records" must be/);
    expect(() => sampleEvent('aws.sqs', { queue: { a: 1 } })).toThrow('sample aws.sqs: override "queue" must be a string, not {"a":1}');
    try {
      sampleEvent('aws.s3.put', { buckett: 'x' });
    } catch (error) {
      expect(error).toBeInstanceOf(SampleError);
      expect(error).toMatchObject({ code: 'UNKNOWN_OVERRIDE', sample: 'aws.s3.put', field: 'buckett', expected: findSample('aws.s3.put')?.overrides });
    }
  });
});
