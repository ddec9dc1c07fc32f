import { createHash } from 'node:crypto';
import { ACCOUNT, REGION, arn, batch, digits, isoNow, obj, str, text, uuid } from './build.js';
import type { SampleDefinition, SampleOverrides } from './types.js';

// SQS, SNS, EventBridge and SES, after AWS's own samples (test/fixtures/aws-sam-cli/sqs/Sqs.json,
// documented/aws/sqs-fifo.json, sns/Sns.json, powertools/eventbridge/base.json,
// cloudwatch/ScheduledEvent.json, ses/SesEmailReceiving.json).

const md5 = (value: string): string => createHash('md5').update(value).digest('hex');

/** `{ name: 'value' }` as SQS message attributes (`stringValue`, `dataType: 'String'`). */
function sqsAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    out[name] = typeof value === 'object' && value !== null ? value : { stringValue: String(value), stringListValues: [], binaryListValues: [], dataType: typeof value === 'number' ? 'Number' : 'String' };
  }
  return out;
}

function sqsEvent(overrides: SampleOverrides, fifo: boolean): unknown {
  const region = str(overrides, 'region', REGION);
  const queue = arn(str(overrides, 'queue', fifo ? 'orders.fifo' : 'example-queue'), `arn:aws:sqs:${region}:${ACCOUNT}:`);
  const sequence = BigInt(digits(20));
  return {
    Records: batch(overrides, (record, index) => {
      const body = text(record.body ?? (fifo ? { order: index + 1 } : 'Hello from SQS!'));
      const sent = String(Date.now());
      const attributes: Record<string, string> = { ApproximateReceiveCount: '1', SentTimestamp: sent, SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: sent };
      if (fifo) {
        attributes.SequenceNumber = String(sequence + BigInt(index));
        attributes.MessageGroupId = str(record, 'groupId', '1');
        attributes.MessageDeduplicationId = str(record, 'deduplicationId', uuid());
      }
      return {
        messageId: uuid(),
        receiptHandle: Buffer.from(uuid()).toString('base64'),
        body,
        attributes,
        messageAttributes: sqsAttributes(obj(record, 'attributes', {})),
        md5OfBody: md5(body),
        eventSource: 'aws:sqs',
        eventSourceARN: queue,
        awsRegion: region,
      };
    }),
  };
}

function snsEvent(overrides: SampleOverrides): unknown {
  const region = str(overrides, 'region', REGION);
  const topic = arn(str(overrides, 'topic', 'example-topic'), `arn:aws:sns:${region}:${ACCOUNT}:`);
  return {
    Records: batch(overrides, (record) => {
      const attributes: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(obj(record, 'attributes', {}))) {
        attributes[name] = typeof value === 'object' && value !== null ? value : { Type: typeof value === 'number' ? 'Number' : 'String', Value: String(value) };
      }
      return {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topic}:${uuid()}`,
        Sns: {
          Type: 'Notification',
          MessageId: uuid(),
          TopicArn: topic,
          Subject: record.subject === undefined ? 'example subject' : str(record, 'subject', ''),
          Message: text(record.message ?? 'example message'),
          Timestamp: isoNow(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
          UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topic}`,
          MessageAttributes: attributes,
        },
      };
    }),
  };
}

function eventBridgeEvent(overrides: SampleOverrides, scheduled: boolean): unknown {
  const region = str(overrides, 'region', REGION);
  const account = str(overrides, 'account', ACCOUNT);
  const rule = `arn:aws:events:${region}:${account}:rule/${str(overrides, 'rule', 'example-rule')}`;
  return {
    version: '0',
    id: uuid(),
    'detail-type': scheduled ? 'Scheduled Event' : str(overrides, 'detail-type', 'Book Published'),
    source: scheduled ? 'aws.events' : str(overrides, 'source', 'com.example.books'),
    account,
    time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    region,
    resources: Array.isArray(overrides.resources) ? overrides.resources : scheduled ? [rule] : [],
    detail: scheduled ? {} : overrides.detail ?? { isbn: '9780441013593', title: 'Dune' },
  };
}

function sesEvent(overrides: SampleOverrides): unknown {
  const from = str(overrides, 'from', 'janedoe@example.com');
  const to = str(overrides, 'to', 'johndoe@example.com');
  const subject = str(overrides, 'subject', 'Test Subject');
  const time = isoNow();
  const messageId = `<${uuid()}@example.com>`;
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            commonHeaders: { date: new Date().toUTCString(), from: [from], messageId, returnPath: from, subject, to: [to] },
            destination: [to],
            headers: [
              { name: 'From', value: from },
              { name: 'To', value: to },
              { name: 'Subject', value: subject },
              { name: 'Message-ID', value: messageId },
              { name: 'Content-Type', value: 'text/plain; charset=UTF-8' },
            ],
            headersTruncated: false,
            messageId: uuid().replace(/-/g, ''),
            source: from,
            timestamp: time,
          },
          receipt: {
            action: { functionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:example`, invocationType: 'Event', type: 'Lambda' },
            dkimVerdict: { status: 'PASS' },
            processingTimeMillis: 574,
            recipients: [to],
            spamVerdict: { status: 'PASS' },
            spfVerdict: { status: 'PASS' },
            timestamp: time,
            virusVerdict: { status: 'PASS' },
          },
        },
      },
    ],
  };
}

/** SQS, SNS, EventBridge and SES samples. */
export const messagingSamples: readonly SampleDefinition[] = [
  { name: 'aws.sqs', description: 'SQS standard queue: a batch of messages', overrides: ['queue', 'body', 'attributes', 'region', 'records'], build: (o) => sqsEvent(o, false) },
  { name: 'aws.sqs.fifo', description: 'SQS FIFO queue: ordered messages of one group', overrides: ['queue', 'body', 'attributes', 'groupId', 'deduplicationId', 'region', 'records'], build: (o) => sqsEvent(o, true) },
  { name: 'aws.sns', description: 'SNS notification of a topic subscription', overrides: ['topic', 'message', 'subject', 'attributes', 'region', 'records'], build: snsEvent },
  { name: 'aws.events', description: 'EventBridge: a custom event put on a bus', overrides: ['source', 'detail-type', 'detail', 'resources', 'account', 'region'], build: (o) => eventBridgeEvent(o, false) },
  { name: 'aws.events.scheduled', description: 'EventBridge: a scheduled rule fired (Scheduled Event)', overrides: ['rule', 'resources', 'account', 'region'], build: (o) => eventBridgeEvent(o, true) },
  { name: 'aws.ses', description: 'SES: an email was received (Lambda receipt action)', overrides: ['from', 'to', 'subject'], build: sesEvent },
];
