import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { cognitoTriggerSegment, cognitoUserPoolResult, cognitoUserPoolSource, isCognitoUserPoolEvent, type CognitoUserPoolEvent } from './index.js';

const fixture = (name: string) => loadFixture(`aws-lambda-go/cognito-event-userpools-${name}.json`) as CognitoUserPoolEvent;
const reply = (body: string) => ({ statusCode: 200, headers: {}, body: Buffer.from(body) });

/** Fixture → path, written from the trigger table of docs/mapping.md. */
const ROUTES: Record<string, string> = {
  'create-auth-challenge': '/aws.cognito-idp/create-auth-challenge',
  custommessage: '/aws.cognito-idp/custom-message', // triggerSource 'CustomMessage_SignUp/CustomMessage_ResendCode/...'
  'define-auth-challenge': '/aws.cognito-idp/define-auth-challenge',
  'inbound-federation-oidc': '/aws.cognito-idp/inbound-federation',
  'inbound-federation-saml': '/aws.cognito-idp/inbound-federation',
  migrateuser: '/aws.cognito-idp/user-migration',
  postauthentication: '/aws.cognito-idp/post-authentication',
  postconfirmation: '/aws.cognito-idp/post-confirmation',
  preauthentication: '/aws.cognito-idp/pre-authentication',
  presignup: '/aws.cognito-idp/pre-sign-up',
  'pretokengen-v2': '/aws.cognito-idp/pre-token-generation',
  'pretokengen-v2_0': '/aws.cognito-idp/pre-token-generation',
  pretokengen: '/aws.cognito-idp/pre-token-gen', // the sample's placeholder 'PreTokenGen': kebab-case fallback
  'verify-auth-challenge': '/aws.cognito-idp/verify-auth-challenge-response',
};

describe('Cognito user pool triggers: guard and route', () => {
  it('accepts every user pool trigger sample and routes it by trigger family', () => {
    const samples = fixturePaths('aws-lambda-go').filter((path) => path.includes('cognito-event-userpools-'));
    expect(samples).toHaveLength(Object.keys(ROUTES).length);
    for (const [name, path] of Object.entries(ROUTES)) {
      const event = fixture(name);
      expect(isCognitoUserPoolEvent(event), name).toBe(true);
      expect(cognitoUserPoolSource.route(event), name).toBe(path);
    }
  });

  it('rejects Cognito Sync, and triggerSource or userPoolId alone', () => {
    expect(isCognitoUserPoolEvent(loadFixture('aws-lambda-go/cognito-event.json'))).toBe(false);
    expect(isCognitoUserPoolEvent({ triggerSource: 'PreSignUp_SignUp' })).toBe(false);
    expect(isCognitoUserPoolEvent({ userPoolId: 'eu-west-1_abc' })).toBe(false);
    expect(isCognitoUserPoolEvent({ triggerSource: 1, userPoolId: 'p' })).toBe(false);
    expect(isCognitoUserPoolEvent(null)).toBe(false);
  });

  it('names every documented trigger family, and kebab-cases an unknown one safely', () => {
    expect(cognitoTriggerSegment('PreSignUp_AdminCreateUser')).toBe('pre-sign-up');
    expect(cognitoTriggerSegment('PreSignUp_ExternalProvider')).toBe('pre-sign-up');
    expect(cognitoTriggerSegment('PostConfirmation_ConfirmForgotPassword')).toBe('post-confirmation');
    expect(cognitoTriggerSegment('TokenGeneration_RefreshTokens')).toBe('pre-token-generation');
    expect(cognitoTriggerSegment('UserMigration_ForgotPassword')).toBe('user-migration');
    expect(cognitoTriggerSegment('CustomMessage_AdminCreateUser')).toBe('custom-message');
    expect(cognitoTriggerSegment('CustomEmailSender_SignUp')).toBe('custom-email-sender');
    expect(cognitoTriggerSegment('CustomSMSSender_Authentication')).toBe('custom-sms-sender');
    expect(cognitoTriggerSegment('InboundFederation_ExternalProvider')).toBe('inbound-federation');
    expect(cognitoTriggerSegment('NewThing2Trigger_X')).toBe('new-thing2-trigger');
    expect(cognitoTriggerSegment('../x?y_z')).toBe('x%3Fy');
    expect(cognitoTriggerSegment('_Only')).toBe('trigger');
    expect(cognitoTriggerSegment('constructor_X')).toBe('constructor');
    expect(cognitoTriggerSegment('toString_X')).toBe('to-string');
    expect(cognitoTriggerSegment('__proto___X')).toBe('trigger');
    expect(cognitoUserPoolSource.route({ triggerSource: '..', userPoolId: 'p' })).toBe('/aws.cognito-idp/trigger');
  });
});

describe('Cognito user pool triggers: CloudEvents', () => {
  it('maps a pre sign-up trigger', () => {
    const event = fixture('inbound-federation-oidc');
    const events = cognitoUserPoolSource.toCloudEvents(event, { awsRequestId: 'req-c' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-c',
        source: 'aws:cognito-idp:us-east-1_EXAMPLE',
        type: 'com.amazonaws.cognito-idp.InboundFederation_ExternalProvider',
        datacontenttype: 'application/json',
        subject: event.userName,
        data: event,
      },
    ]);
    expect(event.userName).toBeTypeOf('string');
    expectValidCloudEvents(events);
  });

  it('encodes the pool id into the source and stays valid for every sample', () => {
    for (const name of Object.keys(ROUTES)) expectValidCloudEvents(cognitoUserPoolSource.toCloudEvents(fixture(name)));
    const [event] = cognitoUserPoolSource.toCloudEvents(fixture('presignup'), { awsRequestId: 'r' });
    expect(event?.source).toBe('aws:cognito-idp:%3CuserPoolId%3E');
  });
});

describe('Cognito user pool triggers: result', () => {
  const event = fixture('presignup'); // response { autoConfirmUser: false, autoVerifyEmail: true, autoVerifyPhone: true }

  it('merges a JSON object into the event\'s response', () => {
    expect(cognitoUserPoolResult(reply('{"autoConfirmUser":true}'), event)).toEqual({
      version: event.version,
      triggerSource: 'PreSignUp_SignUp',
      region: event.region,
      userPoolId: '<userPoolId>',
      userName: event.userName,
      callerContext: event.callerContext,
      request: event.request,
      response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true },
    });
    expect(event.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: true, autoVerifyPhone: true });
  });

  it('returns a whole event as is, and the event unchanged for an empty or non-object body', () => {
    const whole = { ...event, response: { autoConfirmUser: true } };
    expect(cognitoUserPoolResult(reply(JSON.stringify(whole)), event)).toEqual(whole);
    expect(cognitoUserPoolResult(reply(''), event)).toBe(event);
    expect(cognitoUserPoolResult(reply('OK'), event)).toBe(event);
    expect(cognitoUserPoolResult(reply('[1]'), event)).toBe(event);
    expect(cognitoUserPoolResult(reply('{"a":1}'), { ...event, response: null })).toEqual({ ...event, response: { a: 1 } });
  });

  it('takes a `{ response }` body as the response, not as a member of it', () => {
    expect(cognitoUserPoolResult(reply('{"response":{"autoConfirmUser":true}}'), event)).toEqual({
      ...event,
      response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true },
    });
    expect(cognitoUserPoolResult(reply('{"response":"yes"}'), event)).toEqual({
      ...event,
      response: { autoConfirmUser: false, autoVerifyEmail: true, autoVerifyPhone: true, response: 'yes' },
    });
  });

  for (const { name, app } of syncApps('/aws.cognito-idp/pre-sign-up', (received) => {
    const email = (received as CognitoUserPoolEvent).request?.userAttributes as Record<string, string> | undefined;
    return email?.email === 'blocked@example.com'
      ? { status: 400, json: { message: 'Sign-up is closed for this address' } }
      : { json: { autoConfirmUser: true, autoVerifyEmail: false } };
  })) {
    it(`${name}: the app's answer becomes the trigger result; a 400 becomes Cognito's error message`, async () => {
      expect(await invoke(app, event)).toEqual({ ...event, response: { autoConfirmUser: true, autoVerifyEmail: false, autoVerifyPhone: true } });
      const blocked = { ...event, request: { userAttributes: { email: 'blocked@example.com' } } };
      const error = await invoke(app, blocked).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(EventDeliveryError);
      expect((error as EventDeliveryError).message).toBe('Sign-up is closed for this address');
      expect((error as EventDeliveryError).statusCode).toBe(400);
      expect((error as EventDeliveryError).path).toBe('/aws.cognito-idp/pre-sign-up');
    });
  }

  for (const { name, app, received } of syncApps('/aws.cognito-idp/pre-token-generation', (raw) => ({
    json: { ...(raw as object), response: { claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' } } } } },
  }))) {
    it(`${name}: an app that answers the whole event (pre token generation v2) gets it back as the result`, async () => {
      const tokenEvent = fixture('pretokengen-v2_0');
      const result = await invoke(app, tokenEvent);
      expect(received).toEqual([tokenEvent]);
      expect(result).toEqual({ ...tokenEvent, response: { claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' } } } } });
    });
  }
});
