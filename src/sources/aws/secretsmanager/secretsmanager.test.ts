import { describe, expect, it } from 'vitest';
import type { SecretsManagerRotationEvent } from 'aws-lambda';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { isSecretsManagerRotationEvent, secretsManagerRoute, secretsManagerSource } from './index.js';

const load = () => loadFixture('aws-lambda-go/secretsmanager-secret-rotation-event.json') as SecretsManagerRotationEvent;
/** The sample at another step, any string (the event comes from outside: its Step is not trusted). */
const atStep = (step: string) => ({ ...load(), Step: step }) as unknown as SecretsManagerRotationEvent;

describe('Secrets Manager rotation', () => {
  it('recognises a rotation step and routes it by step', () => {
    const event = load();
    expect(isSecretsManagerRotationEvent(event)).toBe(true);
    expect(findSource(event)?.name).toBe('aws.secretsmanager');
    expect(secretsManagerRoute(event)).toBe('/aws.secretsmanager/createSecret');
    for (const step of ['setSecret', 'testSecret', 'finishSecret']) expect(secretsManagerRoute(atStep(step))).toBe(`/aws.secretsmanager/${step}`);
    expect(secretsManagerRoute(atStep('../admin?x'))).toBe('/aws.secretsmanager/admin%3Fx');
    expect(secretsManagerRoute(atStep('..'))).toBe('/aws.secretsmanager');
    expect(secretsManagerRoute({ SecretId: 's', ClientRequestToken: 't' } as SecretsManagerRotationEvent)).toBe('/aws.secretsmanager');
    expect(isSecretsManagerRotationEvent({ SecretId: 'arn' })).toBe(false);
    expect(isSecretsManagerRotationEvent({ ClientRequestToken: 't', SecretId: 1 })).toBe(false);
  });

  it('maps a step', () => {
    const event = load();
    const events = secretsManagerSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: '1ab23456-cde7-8912-34fg-h56i78j9k12l:createSecret',
        source: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:id-ABCD1E',
        type: 'com.amazonaws.secretsmanager.rotation.createSecret',
        datacontenttype: 'application/json',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  for (const { name, app, received } of syncApps('/aws.secretsmanager/createSecret', (raw) =>
    (raw as SecretsManagerRotationEvent).ClientRequestToken === 'broken' ? { status: 500, text: 'Cannot reach the database' } : {},
  )) {
    it(`${name}: an empty 2xx answer is a null result; a 500 fails the step with the app's text`, async () => {
      const event = load();
      expect(await invoke(app, event)).toBeNull();
      expect(received).toEqual([event]);
      const error = await invoke(app, { ...event, ClientRequestToken: 'broken' }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect((error as EventDeliveryError).message).toBe('Cannot reach the database');
      expect((error as EventDeliveryError).path).toBe('/aws.secretsmanager/createSecret');
    });
  }

  for (const { name, app } of syncApps('/aws.secretsmanager/createSecret', () => ({ status: 404 }))) {
    it(`${name}: a step the app does not route is a failed step (404), never a silent success`, async () => {
      const error = await invoke(app, { ...load(), Step: 'testSecret' }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect((error as EventDeliveryError).statusCode).toBe(404);
      expect((error as EventDeliveryError).path).toBe('/aws.secretsmanager/testSecret');
    });
  }
});
