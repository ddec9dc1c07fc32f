import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { alexaSource, isAlexaEvent, type AlexaSmartHomeEvent, type AlexaSmartHomeV3Event } from './index.js';

const V3_FIXTURES = ['documented/aws/alexa-smart-home-v3-discover.json', 'documented/aws/alexa-smart-home-v3-turn-on.json'];

describe('Alexa Smart Home', () => {
  it('recognises v2 and v3 directives, and no Skills Kit request', () => {
    for (const path of [...fixturePaths('aws-sam-cli/alexa-smart-home'), ...V3_FIXTURES]) {
      expect(isAlexaEvent(loadFixture(path)), path).toBe(true);
      expect(findSource(loadFixture(path))?.name, path).toBe('aws.alexa');
    }
    for (const path of fixturePaths('aws-sam-cli/alexa-skills-kit')) expect(isAlexaEvent(loadFixture(path)), path).toBe(false);
    expect(isAlexaEvent({ directive: { header: 'x' } })).toBe(false);
    expect(isAlexaEvent({ directive: null })).toBe(false);
  });

  it('maps a v2 directive', () => {
    const event = loadFixture('aws-sam-cli/alexa-smart-home/AlexaSmartHomeDiscoveryRequest.json') as AlexaSmartHomeEvent;
    const events = alexaSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'F8752B11-69BB-4246-B923-3BFB27C06C7D',
        source: 'aws:alexa',
        type: 'com.amazonaws.alexa.Alexa.ConnectedHome.Discovery.DiscoverAppliancesRequest',
        datacontenttype: 'application/json',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps a v3 directive, with the endpoint as subject', () => {
    const event = loadFixture('documented/aws/alexa-smart-home-v3-turn-on.json') as AlexaSmartHomeV3Event;
    const events = alexaSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4',
        source: 'aws:alexa',
        type: 'com.amazonaws.alexa.Alexa.PowerController.TurnOn',
        datacontenttype: 'application/json',
        subject: 'appliance-001',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
    expectValidCloudEvents(alexaSource.toCloudEvents(loadFixture(V3_FIXTURES[0]!) as AlexaSmartHomeV3Event));
  });

  // A v3 response as the Alexa.PowerController docs show it (developer.amazon.com/docs/device-apis/alexa-powercontroller.html).
  const turnedOn = {
    event: {
      header: { namespace: 'Alexa', name: 'Response', messageId: 'r-1', correlationToken: 'dFMb0z+PgpgdDmluhJ1LddFvSqZ/jCc8ptlAKulUj90jSqg==', payloadVersion: '3' },
      endpoint: { endpointId: 'appliance-001' },
      payload: {},
    },
    context: { properties: [{ namespace: 'Alexa.PowerController', name: 'powerState', value: 'ON', timeOfSample: '2026-11-24T20:00:00Z', uncertaintyInMilliseconds: 50 }] },
  };
  for (const { name, app, received } of syncApps('/aws.alexa', (raw) => {
    const directive = (raw as AlexaSmartHomeV3Event).directive;
    if (directive.endpoint?.endpointId === 'unplugged') return { status: 500, json: { error: 'Endpoint unreachable' } };
    return { json: { ...turnedOn, event: { ...turnedOn.event, header: { ...turnedOn.event.header, correlationToken: directive.header.correlationToken } } } };
  })) {
    it(`${name}: the app's JSON body is the directive's response; a 500 fails it with the app's error`, async () => {
      const event = loadFixture('documented/aws/alexa-smart-home-v3-turn-on.json') as AlexaSmartHomeV3Event;
      expect(await invoke(app, event)).toEqual(turnedOn);
      expect(received).toEqual([event]);
      const unplugged = { directive: { ...event.directive, endpoint: { endpointId: 'unplugged' } } };
      const error = await invoke(app, unplugged).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect((error as EventDeliveryError).message).toBe('Endpoint unreachable');
    });
  }
});
