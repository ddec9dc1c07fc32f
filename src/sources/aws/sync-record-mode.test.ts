import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../errors.js';
import { invoke, syncApps, type SyncAnswer } from './sync-apps.testing.js';

/**
 * Request-response sources have no records: record mode delivers them exactly as event mode does (one
 * JSON request to the source's path, the caller's own result). One row per source of this folder's
 * request-response family, each with the app's answer and the result written out by hand.
 */
const ROWS: Array<{ fixture: string; path: string; answer: SyncAnswer; result: unknown }> = [
  {
    fixture: 'aws-lambda-go/cognito-event-userpools-postconfirmation.json',
    path: '/aws.cognito-idp/post-confirmation',
    answer: {},
    result: loadFixture('aws-lambda-go/cognito-event-userpools-postconfirmation.json'), // the event back, unchanged
  },
  {
    fixture: 'aws-sam-cli/lex-v2/BankingBot.json',
    path: '/aws.lexv2',
    answer: { json: { sessionState: { dialogAction: { type: 'Delegate' } } } },
    result: { sessionState: { dialogAction: { type: 'Delegate' } } },
  },
  {
    fixture: 'aws-sam-cli/alexa-smart-home/AlexaSmartHomeControlTurnOffRequest.json',
    path: '/aws.alexa',
    answer: { json: { header: { name: 'TurnOffConfirmation', namespace: 'Alexa.ConnectedHome.Control', payloadVersion: '2' }, payload: {} } },
    result: { header: { name: 'TurnOffConfirmation', namespace: 'Alexa.ConnectedHome.Control', payloadVersion: '2' }, payload: {} },
  },
  {
    fixture: 'aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json',
    path: '/aws.apigateway.authorizer',
    answer: { json: { isAuthorized: false } },
    result: { isAuthorized: false },
  },
  {
    fixture: 'aws-lambda-go/secretsmanager-secret-rotation-event.json',
    path: '/aws.secretsmanager/createSecret',
    answer: { status: 204 },
    result: null,
  },
  {
    fixture: 'aws-sam-cli/s3/S3BatchInvocation.json',
    path: '/aws.s3.batch',
    answer: { json: { invocationSchemaVersion: '1.0', treatMissingKeysAs: 'PermanentFailure', invocationId: 'i', results: [] } },
    result: { invocationSchemaVersion: '1.0', treatMissingKeysAs: 'PermanentFailure', invocationId: 'i', results: [] },
  },
];

describe('request-response sources in record mode', () => {
  for (const row of ROWS) {
    for (const { name, app, received } of syncApps(row.path, () => row.answer)) {
      it(`${name}: ${row.path} answers the same in record mode as in event mode`, async () => {
        const event = loadFixture(row.fixture);
        expect(await invoke(app, event, 'record')).toEqual(row.result);
        expect(await invoke(app, event, 'event')).toEqual(row.result);
        expect(received).toEqual([event, event]);
      });
    }
  }

  for (const { name, app } of syncApps('/aws.lexv2', () => ({ status: 400, json: { message: 'Unknown intent' } }))) {
    it(`${name}: a non-2xx answer fails the invocation with the app's message in record mode too`, async () => {
      const error = await invoke(app, loadFixture('aws-sam-cli/lex-v2/LexBookHotel.json'), 'record').catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect((error as EventDeliveryError).message).toBe('Unknown intent');
    });
  }
});
