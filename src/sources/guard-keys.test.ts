import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../test/fixtures/load.js';
import { GUARD_KEYS, guardKeysOf, mayMatch } from './guard-keys.js';
import { findSource, sources } from './registry.js';
import type { EventSource } from './types.js';

/** The registry's lookup without the guard keys: every guard, in order (what findSource did before). */
function linearFind(event: unknown): EventSource | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  try {
    for (const source of sources) if (source.detect(event)) return source;
  } catch {
    return undefined;
  }
  return undefined;
}

const fixtures = fixturePaths().map((path) => ({ path, event: loadFixture(path) }));

/** Every fixture with each subset of its top-level members removed that a small seeded walk picks. */
function variants(event: unknown): unknown[] {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return [event];
  const keys = Object.keys(event);
  const out: unknown[] = [event];
  let seed = keys.length * 7919;
  for (let round = 0; round < 24; round++) {
    const copy: Record<string, unknown> = { ...(event as Record<string, unknown>) };
    for (const key of keys) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      if (seed % 3 === 0) delete copy[key];
    }
    out.push(copy);
  }
  for (const key of keys) {
    const { [key]: _dropped, ...rest } = event as Record<string, unknown>;
    out.push(rest);
  }
  return out;
}

describe('guard keys', () => {
  it('name only registered sources', () => {
    const names = new Set(sources.map((source) => source.name));
    for (const name of Object.keys(GUARD_KEYS)) expect(names.has(name), name).toBe(true);
  });

  it('are present in every fixture each source accepts', () => {
    const keys = guardKeysOf(sources);
    sources.forEach((source, index) => {
      for (const { path, event } of fixtures) {
        if (source.detect(event)) expect(mayMatch(event as object, keys[index]), `${source.name} accepts ${path}`).toBe(true);
      }
    });
  });

  it('are needed: no guard accepts a fixture once its keys are removed', () => {
    sources.forEach((source) => {
      const keys = GUARD_KEYS[source.name];
      if (keys === undefined) return;
      for (const { path, event } of fixtures) {
        if (typeof event !== 'object' || event === null || Array.isArray(event)) continue;
        const stripped: Record<string, unknown> = { ...(event as Record<string, unknown>) };
        for (const key of keys) delete stripped[key];
        expect(source.detect(stripped), `${source.name} on ${path} without ${keys.join(', ')}`).toBe(false);
      }
    });
  });

  it('keep the registry order: findSource agrees with running every guard, on fixtures and their variants', () => {
    let checked = 0;
    for (const { path, event } of fixtures) {
      for (const variant of variants(event)) {
        expect(findSource(variant)?.name, path).toBe(linearFind(variant)?.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('keep the registry order on events that mix shapes', () => {
    const mixed: unknown[] = [
      { specversion: '1.0', id: '1', type: 't', source: 'my.app', 'detail-type': 'x', Records: [{ eventSource: 'aws:s3' }] },
      { source: 'aws.ec2', Records: [{ eventSource: 'aws:sqs' }] },
      { source: 'aws.ec2', 'detail-type': 'x', Records: [{ eventSource: 'aws:sqs' }] },
      { Records: [{ cf: {}, eventSource: 'aws:sqs' }] },
      { Records: [{ cf: {} }], httpMethod: 'GET', requestContext: { stage: 'p' } },
      { methodArn: 'arn', httpMethod: 'GET', requestContext: { stage: 'p' } },
      { triggerSource: 'PreSignUp_SignUp', userPoolId: 'p', identityId: 'i', identityPoolId: 'q' },
      { messageVersion: '1.0', agent: {}, actionGroup: 'G', apiPath: '/x', httpMethod: 'GET', requestContext: { stage: 'p' } },
      { Name: 'ContactFlowEvent', Details: { ContactData: {} }, header: {}, payload: {} },
      { eventSource: 'aws:kafka', Records: [{ eventSource: 'aws:sqs' }] },
      { data: {}, context: { eventType: 'google.pubsub.topic.publish' }, subscription: 's', message: {} },
      [{ eventType: 't', eventTime: '2026-01-01T00:00:00Z' }],
      [{ arguments: {}, info: { parentTypeName: 'Query', fieldName: 'f' } }],
      Object.create({ Records: [{ eventSource: 'aws:sqs' }] }), // inherited, as a guard's read finds it
      {},
    ];
    for (const event of mixed) expect(findSource(event)?.name, JSON.stringify(event)).toBe(linearFind(event)?.name);
    expect(findSource(Object.create({ Records: [{ eventSource: 'aws:sqs' }] }))?.name).toBe('aws.sqs');
  });
});
