// Test-only helper (imported by the sources' *.test.ts files, never by library code): checks that
// produced CloudEvents are valid, with the project's validator and with the official SDK.
import { CloudEvent as SdkCloudEvent } from 'cloudevents';
import { expect } from 'vitest';
import { validateCloudEvent } from '../cloudevents/validate.js';
import type { CloudEvent } from '../cloudevents/types.js';

/**
 * Assert each event is a valid spec 1.0 CloudEvent: required attributes non-empty strings, no
 * `undefined` members, accepted by `validateCloudEvent` and by the `cloudevents` SDK's validation.
 *
 * @example
 * expectValidCloudEvents(toCloudEvents(event));
 */
export function expectValidCloudEvents(events: readonly CloudEvent[]): void {
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    expect(event.specversion).toBe('1.0');
    for (const name of ['id', 'source', 'type'] as const) {
      expect(typeof event[name]).toBe('string');
      expect(event[name]).not.toBe('');
    }
    for (const [name, value] of Object.entries(event)) expect(value, name).not.toBeUndefined();
    expect(validateCloudEvent(event)).toEqual([]);
    expect(() => new SdkCloudEvent({ ...event }).validate()).not.toThrow();
  }
}

/**
 * The events' string-keyed members only (drops the `RAW_DATA` symbol), to compare with `toEqual`.
 *
 * @example
 * expect(plain(toCloudEvents(event))).toEqual([{ specversion: '1.0', ... }]);
 */
export function plain(events: readonly CloudEvent[]): Record<string, unknown>[] {
  return events.map((event) => Object.fromEntries(Object.entries(event)));
}
