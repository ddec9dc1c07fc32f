import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { alexaSource, type AlexaSmartHomeEvent } from './index.js';

describe('Alexa Smart Home', () => {
  it('maps a directive', () => {
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
});
