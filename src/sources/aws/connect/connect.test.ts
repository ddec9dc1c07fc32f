import { describe, expect, it } from 'vitest';
import type { ConnectContactFlowEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { connectContactFlowResult, connectSource, isConnectContactFlowEvent } from './index.js';

const FIXTURES = ['documented/aws/connect-contact-flow.json', 'documented/aws/connect-contact-flow-chat.json'];
const voiceEvent = () => loadFixture('documented/aws/connect-contact-flow.json') as ConnectContactFlowEvent;
const reply = (body: string, statusCode = 200) => ({ statusCode, headers: {}, body: Buffer.from(body) });

describe('Amazon Connect flows: guard, route, CloudEvents', () => {
  it('recognises the documented events, and not Name or Details alone', () => {
    for (const path of FIXTURES) {
      expect(isConnectContactFlowEvent(loadFixture(path)), path).toBe(true);
      expect(findSource(loadFixture(path))?.name, path).toBe('aws.connect');
      expect(connectSource.route(loadFixture(path) as ConnectContactFlowEvent)).toBe('/aws.connect');
    }
    expect(isConnectContactFlowEvent({ Name: 'ContactFlowEvent' })).toBe(false);
    expect(isConnectContactFlowEvent({ Name: 'ContactFlowEvent', Details: { ContactData: null } })).toBe(false);
    expect(isConnectContactFlowEvent({ Name: 'Other', Details: voiceEvent().Details })).toBe(false);
    expect(isConnectContactFlowEvent({ Details: voiceEvent().Details })).toBe(false);
  });

  it('maps a flow invocation', () => {
    const event = voiceEvent();
    expect(plain(connectSource.toCloudEvents(event, { awsRequestId: 'req-k' }))).toEqual([
      {
        specversion: '1.0',
        id: 'req-k',
        source: 'arn:aws:connect:aws-region:1234567890:instance/c8c0e68d-2200-4265-82c0-XXXXXXXXXX',
        type: 'com.amazonaws.connect.ContactFlowEvent',
        datacontenttype: 'application/json',
        subject: '4a573372-1f28-4e26-b97b-XXXXXXXXXXX',
        data: event,
      },
    ]);
    for (const path of FIXTURES) expectValidCloudEvents(connectSource.toCloudEvents(loadFixture(path) as ConnectContactFlowEvent));
    expect(connectSource.toCloudEvents({ Name: 'ContactFlowEvent', Details: { ContactData: {} } } as ConnectContactFlowEvent)[0]?.source).toBe('aws:connect');
  });
});

describe('Amazon Connect flows: the attributes Connect reads', () => {
  it('turns scalars into strings, drops nulls, keeps nested JSON', () => {
    expect(connectContactFlowResult(reply('{"name":"Ana","balance":12.5,"vip":true,"note":null,"address":{"city":"Lyon"},"tags":["a"]}'))).toEqual({
      name: 'Ana',
      balance: '12.5',
      vip: 'true',
      address: { city: 'Lyon' },
      tags: ['a'],
    });
    expect(connectContactFlowResult(reply(''))).toEqual({});
    expect(connectContactFlowResult(reply('{"__proto__":"x","constructor":1}'))).toEqual(JSON.parse('{"__proto__":"x","constructor":"1"}'));
  });

  it('rejects a body that is not a JSON object', () => {
    for (const body of ['ok', '[1,2]', '"text"', '42', 'null']) {
      expect(() => connectContactFlowResult(reply(body)), body).toThrow(EventDeliveryError);
    }
    expect(() => connectContactFlowResult(reply('ok'))).toThrow(expect.objectContaining({ code: 'EVENT_REJECTED', path: '/aws.connect', body: 'ok' }));
  });
});

describe('Amazon Connect flows through Express 5 and Hono', () => {
  for (const mode of ['event', 'record'] as const) {
    for (const { name, app, received } of syncApps('/aws.connect', () => ({ json: { customerName: 'Ana', openCases: 2, verified: false } }))) {
      it(`${name} (${mode} mode): the app's JSON object is the flat attribute map`, async () => {
        const event = voiceEvent();
        expect(await invoke(app, event, mode)).toEqual({ customerName: 'Ana', openCases: '2', verified: 'false' });
        expect(received).toEqual([event]);
      });
    }

    for (const { name, app } of syncApps('/aws.connect', () => ({ status: 404, json: { message: 'no such customer' } }))) {
      it(`${name} (${mode} mode): a non-2xx rejects with the app's message (the block's Error branch)`, async () => {
        await expect(invoke(app, voiceEvent(), mode)).rejects.toMatchObject({ code: 'EVENT_REJECTED', statusCode: 404, message: 'no such customer', path: '/aws.connect' });
      });
    }

    for (const { name, app } of syncApps('/aws.connect', () => ({ text: 'done' }))) {
      it(`${name} (${mode} mode): a 2xx text answer rejects: Connect needs an object`, async () => {
        await expect(invoke(app, voiceEvent(), mode)).rejects.toMatchObject({ code: 'EVENT_REJECTED', statusCode: 200, body: 'done' });
      });
    }
  }
});
