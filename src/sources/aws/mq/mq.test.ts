// Amazon MQ's two brokers side by side (ActiveMQ in this folder, RabbitMQ in ../rmq): the guards tell them apart.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource, routeFor } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { APPS, expectEventModeRequest, invoke } from '../deliver.testing.js';
import { activeMqSource, isActiveMqEvent, type ActiveMqEvent } from './index.js';
import { isRabbitMqEvent, rabbitMqMessages, rabbitMqSource, type RabbitMqEvent } from '../rmq/index.js';

const ACTIVEMQ = 'aws-lambda-go/activemq-event.json';
const RABBITMQ = 'aws-lambda-go/rabbitmq-event.json';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('Amazon MQ: guards and routes', () => {
  it('tells ActiveMQ and RabbitMQ apart by the top-level eventSource', () => {
    expect(isActiveMqEvent(loadFixture(ACTIVEMQ))).toBe(true);
    expect(isRabbitMqEvent(loadFixture(ACTIVEMQ))).toBe(false);
    expect(isRabbitMqEvent(loadFixture(RABBITMQ))).toBe(true);
    expect(isActiveMqEvent(loadFixture(RABBITMQ))).toBe(false);
    for (const other of [{ eventSource: 'aws:kafka' }, { Records: [{ eventSource: 'aws:mq' }] }, null, 'aws:mq']) {
      expect(isActiveMqEvent(other)).toBe(false);
      expect(isRabbitMqEvent(other)).toBe(false);
    }
    expect(findSource(loadFixture(ACTIVEMQ))).toBe(activeMqSource);
    expect(findSource(loadFixture(RABBITMQ))).toBe(rabbitMqSource);
    expect(routeFor(loadFixture(ACTIVEMQ))).toBe('/aws.mq');
    expect(routeFor(loadFixture(RABBITMQ))).toBe('/aws.rmq');
  });
});

describe('Amazon MQ: toCloudEvents', () => {
  it('ActiveMQ: one CloudEvent per message, the text body decoded', () => {
    const events = activeMqSource.toCloudEvents(loadFixture(ACTIVEMQ) as ActiveMqEvent);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'ID:b-0f5b7522-2b41-4f85-a615-735a4e6d96b5-2.mq.us-west-2.amazonaws.com-34859-1598944546501-4:12:1:1:3',
        source: 'arn:aws:mq:us-west-2:533019413397:broker:shask-test:b-0f5b7522-2b41-4f85-a615-735a4e6d96b5',
        type: 'com.amazonaws.mq.message',
        datacontenttype: 'text/plain; charset=utf-8',
        subject: 'testQueue',
        time: '2020-09-11T22:38:58.941Z',
        data: 'Enter some text here for the message body...',
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('RabbitMQ: one CloudEvent per message, queue by queue; JSON body parsed; no id falls back to the request id', () => {
    const events = rabbitMqSource.toCloudEvents(loadFixture(RABBITMQ) as RabbitMqEvent, { awsRequestId: 'req-7' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-7-0',
        source: 'arn:aws:mq:us-west-2:112556298976:broker:test:b-9bcfa592-423a-4942-879d-eb284b418fc8',
        type: 'com.amazonaws.rmq.message',
        datacontenttype: 'application/json',
        subject: 'test',
        data: { timeout: 0, data: 'CZrmf0Gw8Ov4bqLQxD4E' },
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('RabbitMQ: several queues, message ids, binary bodies', () => {
    const message = (id: string | null, data: string) => ({ basicProperties: { messageId: id }, redelivered: false, data });
    const event = {
      eventSource: 'aws:rmq',
      eventSourceArn: 'arn:aws:mq:us-east-1:1:broker:b:b-1',
      rmqMessagesByQueue: { 'orders::/': [message('m1', b64('{"a":1}')), message(null, 'AP8=')], 'audit::prod': [message('m3', b64('hi'))], broken: 'x' },
    };
    expect(rabbitMqMessages(event).map((m) => m.queue)).toEqual(['orders', 'orders', 'audit']);
    const events = rabbitMqSource.toCloudEvents(event as unknown as RabbitMqEvent, { awsRequestId: 'r' });
    expect(events.map((e) => [e.id, e.subject, e.datacontenttype, e.data ?? e.data_base64])).toEqual([
      ['m1', 'orders', 'application/json', { a: 1 }],
      ['r-1', 'orders', 'application/octet-stream', 'AP8='],
      ['m3', 'audit', 'text/plain; charset=utf-8', 'hi'],
    ]);
    expectValidCloudEvents(events);
  });

  it('never throws on malformed events', () => {
    expect(activeMqSource.toCloudEvents({ eventSource: 'aws:mq' } as unknown as ActiveMqEvent)).toEqual([]);
    expect(rabbitMqSource.toCloudEvents({ eventSource: 'aws:rmq', rmqMessagesByQueue: [] } as unknown as RabbitMqEvent)).toEqual([]);
    const events = activeMqSource.toCloudEvents({ eventSource: 'aws:mq', messages: [null, { data: 42 }] } as unknown as ActiveMqEvent, { awsRequestId: 'q' });
    expect(events.map((e) => [e.id, e.source, e.data])).toEqual([['q-0', 'aws:mq', null], ['q-1', 'aws:mq', null]]);
    expectValidCloudEvents(events);
  });

  it('have no batch semantics (Amazon MQ retries the whole batch)', () => {
    expect([activeMqSource.records, rabbitMqSource.records, activeMqSource.answer, rabbitMqSource.answer]).toEqual([undefined, undefined, 'reject', 'reject']);
  });
});

describe('Amazon MQ: delivery', () => {
  for (const makeApp of APPS) {
    for (const [fixture, path] of [[ACTIVEMQ, '/aws.mq'], [RABBITMQ, '/aws.rmq']] as const) {
      it(`${makeApp().name}: ${fixture} in event mode arrives at ${path}; a 500 rejects`, async () => {
        const event = loadFixture(fixture);
        const echo = makeApp();
        expect(((await invoke(echo, event)) as { statusCode: number }).statusCode).toBe(200);
        expectEventModeRequest(echo.received, event, path);
        await expect(invoke(makeApp(() => ({ status: 500 })), event)).rejects.toBeInstanceOf(EventDeliveryError);
      });
    }

    it(`${makeApp().name}: record mode delivers each message body decoded`, async () => {
      const echo = makeApp();
      const active = loadFixture(ACTIVEMQ);
      await invoke(echo, active, 'record');
      const rabbit = loadFixture(RABBITMQ);
      await invoke(echo, rabbit, 'record');
      expect(echo.received.map((r) => [r.url, r.headers['content-type'], r.headers['ce-type'], r.headers['ce-subject'], r.body.toString()])).toEqual([
        ['/aws.mq', 'text/plain; charset=utf-8', 'com.amazonaws.mq.message', 'testQueue', 'Enter some text here for the message body...'],
        ['/aws.rmq', 'application/json', 'com.amazonaws.rmq.message', 'test', '{"timeout":0,"data":"CZrmf0Gw8Ov4bqLQxD4E"}'],
      ]);
      expect(echo.received[0]?.headers['ce-id']).toBe('ID:b-0f5b7522-2b41-4f85-a615-735a4e6d96b5-2.mq.us-west-2.amazonaws.com-34859-1598944546501-4:12:1:1:3');
    });
  }
});
