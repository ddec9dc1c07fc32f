import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource, routeFor } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { APPS, expectEventModeRequest, invoke } from '../deliver.testing.js';
import { isKafkaEvent, kafkaItemIdentifier, kafkaRecords, kafkaSource, type KafkaEvent } from './index.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

const MSK = 'aws-lambda-go/kafka-event.json';
const POWERTOOLS = 'powertools/kafka/base.json';

/** A record of `topic`/`partition` at `offset` whose value is `{"n":offset}` and key `k<offset>`. */
function record(topic: string, partition: number, offset: number) {
  return {
    topic, partition, offset, timestamp: 1545084650987 + offset, timestampType: 'CREATE_TIME',
    key: b64(`k${offset}`), value: b64(JSON.stringify({ n: offset })), headers: [],
  };
}

describe('Kafka: guard and route', () => {
  it('recognises MSK and self-managed Kafka by the top-level eventSource', () => {
    expect(isKafkaEvent(loadFixture(MSK))).toBe(true);
    expect(isKafkaEvent(loadFixture(POWERTOOLS))).toBe(true);
    expect(isKafkaEvent({ eventSource: 'SelfManagedKafka', records: {} })).toBe(true);
    expect(isKafkaEvent({ eventSource: 'aws:SelfManagedKafka', records: {} })).toBe(true);
    for (const other of [{ eventSource: 'aws:kinesis' }, { Records: [{ eventSource: 'aws:kafka' }] }, { eventSource: 'aws:mq' }, null, 'aws:kafka']) {
      expect(isKafkaEvent(other)).toBe(false);
    }
    expect(findSource(loadFixture(MSK))).toBe(kafkaSource);
    expect(routeFor(loadFixture(MSK))).toBe('/aws.kafka');
    expect(routeFor({ eventSource: 'SelfManagedKafka', bootstrapServers: 'h:9092', records: {} })).toBe('/aws.kafka');
  });
});

describe('Kafka: toCloudEvents', () => {
  it('maps the MSK sample: id topic-partition-offset, key as partitionkey, text value', () => {
    const events = kafkaSource.toCloudEvents(loadFixture(MSK) as KafkaEvent);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'AWSKafkaTopic-0-0',
        source: 'arn:aws:kafka:us-west-2:012345678901:cluster/ExampleMSKCluster/e9f754c6-d29a-4430-a7db-958a19fd2c54-4',
        type: 'com.amazonaws.kafka.record',
        datacontenttype: 'text/plain; charset=utf-8',
        subject: 'AWSKafkaTopic',
        time: '2020-07-18T01:29:09.700Z',
        partitionkey: '8d5596b4-1813-4238-b24b-6dad8e3d1c0c',
        data: '8d5596b4-1813-4238-b24b-6dad8e3d1c0c',
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('parses a JSON value (Powertools sample)', () => {
    const events = kafkaSource.toCloudEvents(loadFixture(POWERTOOLS) as KafkaEvent);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'mytopic-0-15',
        source: 'arn:aws:kafka:us-east-1:0123456789019:cluster/SalesCluster/abcd1234-abcd-cafe-abab-9876543210ab-4',
        type: 'com.amazonaws.kafka.record',
        datacontenttype: 'application/json',
        subject: 'mytopic',
        time: '2018-12-17T22:10:50.987Z',
        partitionkey: 'recordKey',
        data: { key: 'value' },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('orders records by topic, then partition number, then offset', () => {
    const event = {
      eventSource: 'aws:kafka',
      eventSourceArn: 'arn:aws:kafka:us-east-1:1:cluster/c/u',
      records: {
        'orders-10': [record('orders', 10, 1)],
        'my-topic-1': [record('my-topic', 1, 7), record('my-topic', 1, 5)],
        'orders-2': [record('orders', 2, 3), record('orders', 2, 4)],
        'my-topic-0': [record('my-topic', 0, 9)],
      },
    };
    const ids = kafkaSource.toCloudEvents(event as unknown as KafkaEvent).map((e) => e.id);
    expect(ids).toEqual(['my-topic-0-9', 'my-topic-1-5', 'my-topic-1-7', 'orders-2-3', 'orders-2-4', 'orders-10-1']);
    expect(kafkaRecords(event).map(kafkaItemIdentifier)).toEqual([
      { partition: 'my-topic-0', offset: 9 }, { partition: 'my-topic-1', offset: 5 }, { partition: 'my-topic-1', offset: 7 },
      { partition: 'orders-2', offset: 3 }, { partition: 'orders-2', offset: 4 }, { partition: 'orders-10', offset: 1 },
    ]);
  });

  it('self-managed Kafka: source from the first bootstrap server; binary values and keys; tombstones', () => {
    const event = {
      eventSource: 'SelfManagedKafka',
      bootstrapServers: 'broker-1.example.com:9092,broker-2.example.com:9092',
      records: {
        't-0': [
          { ...record('t', 0, 1), key: Buffer.from([0xff, 0xfe]).toString('base64'), value: Buffer.from([0, 1, 0xff]).toString('base64') },
          { ...record('t', 0, 2), key: b64('line\nbreak'), value: null },
          { ...record('t', 0, 3), key: undefined, value: b64('plain text') },
        ],
      },
    };
    const events = kafkaSource.toCloudEvents(event as unknown as KafkaEvent, { awsRequestId: 'r' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0', id: 't-0-1', source: 'kafka://broker-1.example.com:9092', type: 'com.amazonaws.kafka.record',
        datacontenttype: 'application/octet-stream', subject: 't', time: '2018-12-17T22:10:50.988Z', data_base64: 'AAH/',
      },
      {
        specversion: '1.0', id: 't-0-2', source: 'kafka://broker-1.example.com:9092', type: 'com.amazonaws.kafka.record',
        datacontenttype: 'application/json', subject: 't', time: '2018-12-17T22:10:50.989Z', data: null,
      },
      {
        specversion: '1.0', id: 't-0-3', source: 'kafka://broker-1.example.com:9092', type: 'com.amazonaws.kafka.record',
        datacontenttype: 'text/plain; charset=utf-8', subject: 't', time: '2018-12-17T22:10:50.990Z', data: 'plain text',
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('never throws: malformed groups and records convert as far as they can', () => {
    const context = { awsRequestId: 'req-9' };
    expect(kafkaSource.toCloudEvents({ eventSource: 'aws:kafka', records: null } as unknown as KafkaEvent)).toEqual([]);
    const events = kafkaSource.toCloudEvents({ eventSource: 'aws:kafka', records: { a: 'x', 'b-0': [{}, null] } } as unknown as KafkaEvent, context);
    expect(events.map((e) => [e.id, e.source])).toEqual([['req-9-0', 'aws:kafka'], ['req-9-1', 'aws:kafka']]);
    expect(events.map((e) => e.data)).toEqual([null, null]);
    expectValidCloudEvents(events);
    expect(kafkaSource.toCloudEvents({ eventSource: 'SelfManagedKafka', bootstrapServers: 'bad host', records: {} } as unknown as KafkaEvent)).toEqual([]);
    expect(kafkaSource.toCloudEvents({ eventSource: 'SelfManagedKafka', bootstrapServers: 'bad host', records: { 't-0': [record('t', 0, 1)] } } as unknown as KafkaEvent)[0]?.source)
      .toBe('SelfManagedKafka');
  });

  it('has no batch semantics: a failed record fails the whole batch', () => {
    expect(kafkaSource.records?.identifier).toBeUndefined();
    expect(kafkaSource.answer).toBe('reject');
  });
});

describe('Kafka: delivery', () => {
  for (const makeApp of APPS) {
    it(`${makeApp().name}: event mode POSTs the event JSON to /aws.kafka; a 500 rejects`, async () => {
      const event = loadFixture(POWERTOOLS);
      const echo = makeApp();
      const result = (await invoke(echo, event)) as { statusCode: number };
      expect(result.statusCode).toBe(200);
      expectEventModeRequest(echo.received, event, '/aws.kafka');
      const failing = makeApp(() => ({ status: 500, body: 'broken' }));
      await expect(invoke(failing, event)).rejects.toBeInstanceOf(EventDeliveryError);
    });

    it(`${makeApp().name}: record mode sends one CloudEvent per record, in partition and offset order`, async () => {
      const event = {
        eventSource: 'aws:kafka',
        eventSourceArn: 'arn:aws:kafka:us-east-1:1:cluster/c/u',
        records: { 'orders-1': [record('orders', 1, 8)], 'orders-0': [record('orders', 0, 4), record('orders', 0, 5)] },
      };
      const echo = makeApp();
      const results = (await invoke(echo, event, 'record')) as Array<{ statusCode: number }>;
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(echo.received.map((r) => r.url)).toEqual(['/aws.kafka', '/aws.kafka', '/aws.kafka']);
      expect(echo.received.map((r) => r.headers['ce-id'])).toEqual(['orders-0-4', 'orders-0-5', 'orders-1-8']);
      expect(echo.received.map((r) => r.headers['ce-partitionkey'])).toEqual(['k4', 'k5', 'k8']);
      expect(echo.received.map((r) => r.headers['ce-subject'])).toEqual(['orders', 'orders', 'orders']);
      expect(echo.received.map((r) => r.headers['content-type'])).toEqual(['application/json', 'application/json', 'application/json']);
      expect(echo.received.map((r) => r.body.toString())).toEqual(['{"n":4}', '{"n":5}', '{"n":8}']);
      const failing = makeApp((r) => (r.headers['ce-id'] === 'orders-0-5' ? { status: 503, body: 'later' } : { status: 200 }));
      await expect(invoke(failing, event, 'record')).rejects.toBeInstanceOf(EventDeliveryError);
    });
  }
});
