// The events every benchmark sends, built from the real sample events in test/fixtures
// (aws-lambda-go's sqs-event.json and kinesis-event.json): the record shape is copied, ids vary.
import { readFileSync } from 'node:fs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../../test/fixtures/aws-lambda-go/${name}`, import.meta.url), 'utf8'));

/** The SQS sample event as published (one record), sent unchanged by the event-mode benchmark. */
export function sqsEvent() {
  return fixture('sqs-event.json');
}

/** An SQS batch of `count` records (standard queue), each the sample record with its own messageId. */
export function sqsBatch(count) {
  const [record] = fixture('sqs-event.json').Records;
  const Records = new Array(count);
  for (let i = 0; i < count; i++) {
    Records[i] = { ...record, messageId: `MessageID_${i + 1}`, receiptHandle: `MessageReceiptHandle_${i + 1}` };
  }
  return { Records };
}

/** A Kinesis batch of `count` records from one shard, each the sample record with its own sequence number. */
export function kinesisBatch(count) {
  const [record] = fixture('kinesis-event.json').Records;
  const base = 49568167373333333333333333333333333333333333333333333333n;
  const Records = new Array(count);
  for (let i = 0; i < count; i++) {
    const sequenceNumber = String(base + BigInt(i));
    Records[i] = {
      ...record,
      kinesis: { ...record.kinesis, sequenceNumber, approximateArrivalTimestamp: record.kinesis.approximateArrivalTimestamp + i / 1000 },
      eventID: `shardId-000000000000:${sequenceNumber}`,
    };
  }
  return { Records };
}

/** A Lambda context as the Node runtime passes it (plain fields and getRemainingTimeInMillis). */
export function lambdaContext() {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'bench-function',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench-function',
    memoryLimitInMB: '1024',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: '/aws/lambda/bench-function',
    logStreamName: '2024/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => 900_000,
    done() {},
    fail() {},
    succeed() {},
  };
}
