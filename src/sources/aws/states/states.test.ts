import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { isStepFunctionsTaskEvent, stepFunctionsRoute, stepFunctionsSource, type StepFunctionsTaskEvent } from './index.js';

const load = () => loadFixture('documented/aws/stepfunctions-task.json') as StepFunctionsTaskEvent;

describe('Step Functions tasks', () => {
  it('recognises a task input wrapped with the Context object, routed by state name', () => {
    const event = load();
    expect(isStepFunctionsTaskEvent(event)).toBe(true);
    expect(findSource(event)?.name).toBe('aws.states');
    expect(stepFunctionsRoute(event)).toBe('/aws.states/ChargeCard');
    const renamed = { ...event, context: { ...event.context, State: { Name: 'Charge card?' } } };
    expect(stepFunctionsRoute(renamed)).toBe('/aws.states/Charge%20card%3F');
    const nameless = { ...event, context: { ...event.context, State: {} } };
    expect(stepFunctionsRoute(nameless)).toBe('/aws.states');
  });

  it('does not recognise a bare task input (the SAM sample) or a context without the Context object', () => {
    const bare = loadFixture('aws-sam-cli/stepfunctions/StepFunctionsError.json');
    expect(isStepFunctionsTaskEvent(bare)).toBe(false);
    expect(findSource(bare)).toBeUndefined();
    expect(isStepFunctionsTaskEvent({ context: { Execution: { Id: 1 }, StateMachine: {} } })).toBe(false);
    expect(isStepFunctionsTaskEvent({ context: { Execution: { Id: 'x' } } })).toBe(false);
    expect(isStepFunctionsTaskEvent(loadFixture('aws-sam-cli/alexa-skills-kit/AlexaStartSession.json'))).toBe(false);
  });

  it('maps a task', () => {
    const event = load();
    const events = stepFunctionsSource.toCloudEvents(event, { awsRequestId: 'req-s' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-s',
        source: 'arn:aws:states:eu-west-1:123456789012:stateMachine:OrderFlow',
        type: 'com.amazonaws.states.task',
        datacontenttype: 'application/json',
        subject: 'ChargeCard',
        time: '2026-11-24T20:00:01.250Z',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  for (const { name, app, received } of syncApps('/aws.states/ChargeCard', (raw) => {
    const { input } = raw as { input: { orderId: string; amount: number } };
    return input.amount > 100_000
      ? { status: 422, json: { errorMessage: 'Amount over the card limit' } }
      : { json: { orderId: input.orderId, charged: input.amount, status: 'PAID' } };
  })) {
    it(`${name}: the app's JSON body is the task's output; a 422 fails the task with the app's message`, async () => {
      const event = load();
      expect(await invoke(app, event)).toEqual({ orderId: 'order-1042', charged: 1999, status: 'PAID' });
      expect(received).toEqual([event]);
      const error = await invoke(app, { ...event, input: { orderId: 'o-2', amount: 500_000 } }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect((error as EventDeliveryError).message).toBe('Amount over the card limit');
    });
  }
});
