import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource, routeFor } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { APPS, expectEventModeRequest, invoke } from '../deliver.testing.js';
import {
  ioT1ClickSource,
  ioTButtonSource,
  ioTCustomAuthorizerSource,
  ioTPreProvisioningHookSource,
  isIoT1ClickEvent,
  isIoTButtonEvent,
  isIoTCustomAuthorizerEvent,
  isIoTPreProvisioningHookEvent,
} from './index.js';

const BUTTON = 'aws-lambda-go/iot-button-event.json';
const ONE_CLICK = 'aws-lambda-go/iot-1-click-event.json';
const PROVISIONING = 'aws-lambda-go/iot-preprovision-hook-request.json';
const AUTHORIZER = 'aws-lambda-go/iot-custom-auth-request.json';

const GUARDS = [
  [BUTTON, isIoTButtonEvent, ioTButtonSource, '/aws.iot.button'],
  [ONE_CLICK, isIoT1ClickEvent, ioT1ClickSource, '/aws.iot1click'],
  [PROVISIONING, isIoTPreProvisioningHookEvent, ioTPreProvisioningHookSource, '/aws.iot.provisioning'],
  [AUTHORIZER, isIoTCustomAuthorizerEvent, ioTCustomAuthorizerSource, '/aws.iot.authorizer'],
] as const;

describe('IoT: guards and routes', () => {
  it('recognise each IoT shape, and only its own', () => {
    for (const [path, guard, source, route] of GUARDS) {
      const event = loadFixture(path);
      expect(findSource(event), path).toBe(source);
      expect(routeFor(event)).toBe(route);
      for (const [other, , ,] of GUARDS) expect(guard(loadFixture(other)), `${path} guard on ${other}`).toBe(other === path);
    }
    // IoT rules deliver what their SQL selects: an arbitrary payload is not recognised.
    expect(routeFor({ temperature: 21.5, deviceId: 'sensor-1' })).toBeUndefined();
    expect(isIoTButtonEvent({ serialNumber: 'x', clickType: 1 })).toBe(false);
    expect(isIoT1ClickEvent({ deviceEvent: 'x' })).toBe(false);
    expect(isIoTCustomAuthorizerEvent({ protocolData: {}, protocols: 'mqtt' })).toBe(false);
  });

  it('say how a failed delivery is treated: button and 1-Click async; provisioning hook and authorizer sync', () => {
    expect(GUARDS.map(([, , source]) => source.answer)).toEqual(['reject', 'reject', 'json', 'json']);
  });
});

describe('IoT: toCloudEvents', () => {
  const context = { awsRequestId: 'req-5' };

  it('IoT Button: type from the click, subject the serial number', () => {
    const event = loadFixture(BUTTON);
    const events = ioTButtonSource.toCloudEvents(event as never, context);
    expect(plain(events)).toEqual([
      { specversion: '1.0', id: 'req-5', source: 'aws:iot', type: 'com.amazonaws.iot.button.SINGLE', datacontenttype: 'application/json', subject: 'ABCDEFG12345', data: event },
    ]);
    expectValidCloudEvents(events);
    expect(ioTButtonSource.toCloudEvents({ serialNumber: 's', clickType: 'a\nb' }, context)[0]?.type).toBe('com.amazonaws.iot.button.click');
  });

  it('IoT 1-Click: type from the device event, subject the device, time the reported time', () => {
    const event = loadFixture(ONE_CLICK);
    const events = ioT1ClickSource.toCloudEvents(event as never, context);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0', id: 'req-5', source: 'aws:iot1click/test', type: 'com.amazonaws.iot1click.buttonClicked',
        datacontenttype: 'application/json', subject: 'G030PMXXXXXXXXXX', time: '2018-05-04T23:26:33.747Z', data: event,
      },
    ]);
    expectValidCloudEvents(events);
    const unplaced = ioT1ClickSource.toCloudEvents({ deviceEvent: {}, deviceInfo: { deviceId: 'd', type: 'button' } }, context);
    expect(plain(unplaced)[0]).toMatchObject({ source: 'aws:iot1click', type: 'com.amazonaws.iot1click.deviceEvent', subject: 'd' });
    expectValidCloudEvents(unplaced);
  });

  it('pre-provisioning hook: source the template, subject the client id', () => {
    const event = loadFixture(PROVISIONING);
    const events = ioTPreProvisioningHookSource.toCloudEvents(event as never, context);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0', id: 'req-5', source: 'arn:aws:iot:us-east-1:1234567890:provisioningtemplate/MyTemplate',
        type: 'com.amazonaws.iot.provisioning.preprovision', datacontenttype: 'application/json',
        subject: '221a6d10-9c7f-42f1-9153-e52e6fc869c1', data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('custom authorizer: id the connection id', () => {
    const event = loadFixture(AUTHORIZER);
    const events = ioTCustomAuthorizerSource.toCloudEvents(event as never, context);
    expect(plain(events)).toEqual([
      { specversion: '1.0', id: 'e56f08c3-c559-490f-aa9f-7e8427d0f57b', source: 'aws:iot', type: 'com.amazonaws.iot.authorizer', datacontenttype: 'application/json', data: event },
    ]);
    expectValidCloudEvents(events);
  });
});

describe('IoT: delivery', () => {
  for (const makeApp of APPS) {
    it(`${makeApp().name}: button and 1-Click events arrive as their JSON; a failure rejects`, async () => {
      for (const [path, , , route] of GUARDS.slice(0, 2)) {
        const event = loadFixture(path);
        const echo = makeApp();
        expect(((await invoke(echo, event)) as { statusCode: number }).statusCode).toBe(200);
        expectEventModeRequest(echo.received, event, route);
        const records = makeApp();
        await invoke(records, event, 'record');
        expect(records.received.map((r) => [r.url, r.headers['ce-type'], JSON.parse(r.body.toString())])).toEqual([[route, expect.stringMatching(/^com\.amazonaws\.iot/), event]]);
        await expect(invoke(makeApp(() => ({ status: 500 })), event)).rejects.toBeInstanceOf(EventDeliveryError);
      }
    });

    it(`${makeApp().name}: the pre-provisioning hook's result is the app's JSON body`, async () => {
      const event = loadFixture(PROVISIONING);
      const answer = { allowProvisioning: true, parameterOverrides: { Key: 'newCustomValue' } };
      const echo = makeApp(() => ({ status: 200, body: JSON.stringify(answer), headers: { 'content-type': 'application/json' } }));
      expect(await invoke(echo, event)).toEqual(answer);
      expectEventModeRequest(echo.received, event, '/aws.iot.provisioning');
      // Record mode: a sync source without per-record results is delivered as in event mode.
      const records = makeApp(() => ({ status: 200, body: JSON.stringify(answer) }));
      expect(await invoke(records, event, 'record')).toEqual(answer);
      expect(records.received[0]?.url).toBe('/aws.iot.provisioning');
    });

    it(`${makeApp().name}: the custom authorizer's result is the app's JSON body; a refusal is an error with the app's text`, async () => {
      const event = loadFixture(AUTHORIZER);
      const answer = {
        isAuthenticated: true, principalId: 'device1', disconnectAfterInSeconds: 86400, refreshAfterInSeconds: 300,
        policyDocuments: [{ Version: '2012-10-17', Statement: [{ Action: 'iot:Connect', Effect: 'Allow', Resource: '*' }] }],
      };
      const echo = makeApp(() => ({ status: 200, body: JSON.stringify(answer), headers: { 'content-type': 'application/json' } }));
      expect(await invoke(echo, event)).toEqual(answer);
      expectEventModeRequest(echo.received, event, '/aws.iot.authorizer');
      const refusing = makeApp(() => ({ status: 401, body: JSON.stringify({ message: 'unknown device' }), headers: { 'content-type': 'application/json' } }));
      await expect(invoke(refusing, event)).rejects.toThrow(/^unknown device$/);
    });
  }
});
