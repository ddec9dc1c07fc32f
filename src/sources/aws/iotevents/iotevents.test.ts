import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { iotEventsSource, isIotEventsEvent, type IotEventsEvent } from './index.js';

describe('IoT Events', () => {
  it('maps a detector model action', () => {
    const event = loadFixture('documented/aws/iot-events-action.json') as IotEventsEvent;
    const events = iotEventsSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'a3d9e1c4-7b52-4f08-8e6a-2c5b9f0d1e77',
        source: 'aws:iotevents:detectorModel/BoilerMonitor',
        type: 'com.amazonaws.iotevents.overTemperature',
        datacontenttype: 'application/json',
        subject: 'boiler-7',
        time: '2023-11-14T22:13:20.123Z',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('detects on event.eventName only', () => {
    expect(isIotEventsEvent({ event: { eventName: 'x' } })).toBe(true);
    expect(isIotEventsEvent({ event: { name: 'x' } })).toBe(false);
    expect(isIotEventsEvent({ event: 'x' })).toBe(false);
  });
});
