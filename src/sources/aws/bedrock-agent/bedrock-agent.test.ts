import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { bedrockAgentResult, bedrockAgentRoute, bedrockAgentSource, isBedrockAgentEvent, type BedrockAgentEvent } from './index.js';

const SCHEMA = 'documented/aws/bedrock-agent-api-schema.json';
const FUNCTION = 'documented/aws/bedrock-agent-function-details.json';
const schemaEvent = () => loadFixture(SCHEMA) as BedrockAgentEvent;
const functionEvent = () => loadFixture(FUNCTION) as BedrockAgentEvent;
const reply = (statusCode: number, body: string) => ({ statusCode, headers: {}, body: Buffer.from(body) });

describe('Bedrock agent action groups: guard and route', () => {
  it('recognises both documented forms, and no agent hook without an action group', () => {
    for (const path of [SCHEMA, FUNCTION]) {
      expect(isBedrockAgentEvent(loadFixture(path)), path).toBe(true);
      expect(findSource(loadFixture(path))?.name, path).toBe('aws.bedrock-agent');
    }
    const { apiPath: _a, httpMethod: _m, requestBody: _b, ...neither } = schemaEvent();
    expect(isBedrockAgentEvent(neither)).toBe(false);
    expect(isBedrockAgentEvent({ messageVersion: '1.0', agent: { id: 'A' }, promptType: 'ORCHESTRATION', invokeModelRawResponse: '' })).toBe(false);
    expect(isBedrockAgentEvent({ ...functionEvent(), agent: 'A' })).toBe(false);
    expect(isBedrockAgentEvent({ ...functionEvent(), messageVersion: 1 })).toBe(false);
    expect(isBedrockAgentEvent(null)).toBe(false);
  });

  it('routes the schema form by action group and filled apiPath, the function form by function', () => {
    expect(bedrockAgentRoute(schemaEvent())).toBe('/aws.bedrock-agent/ClaimManagementActionGroup/claims/claim-006/send-reminders');
    expect(bedrockAgentRoute(functionEvent())).toBe('/aws.bedrock-agent/TableBookingActionGroup/createBooking');
    // A template segment without its parameter stays as written (encoded).
    expect(bedrockAgentRoute({ ...schemaEvent(), parameters: [] })).toBe('/aws.bedrock-agent/ClaimManagementActionGroup/claims/%7BclaimId%7D/send-reminders');
    expect(bedrockAgentRoute({ ...schemaEvent(), apiPath: '/' })).toBe('/aws.bedrock-agent/ClaimManagementActionGroup');
  });

  it('keeps hostile values in one segment under /aws.bedrock-agent', () => {
    const withClaim = (value: string) => ({ ...schemaEvent(), parameters: [{ name: 'claimId', type: 'string', value }] });
    expect(bedrockAgentRoute(withClaim('../../admin'))).toBe('/aws.bedrock-agent/ClaimManagementActionGroup/claims/admin/send-reminders');
    expect(bedrockAgentRoute(withClaim('a/b?c#d'))).toBe('/aws.bedrock-agent/ClaimManagementActionGroup/claims/a%2Fb%3Fc%23d/send-reminders');
    expect(bedrockAgentRoute(withClaim('..'))).toBe('/aws.bedrock-agent');
    expect(bedrockAgentRoute({ ...schemaEvent(), apiPath: '/claims/../../admin' })).toBe('/aws.bedrock-agent');
    expect(bedrockAgentRoute({ ...schemaEvent(), actionGroup: '../x' })).toBe('/aws.bedrock-agent/x/claims/claim-006/send-reminders');
    expect(bedrockAgentRoute({ ...functionEvent(), function: 'a\r\nX: 1' })).toBe('/aws.bedrock-agent/TableBookingActionGroup/a%0D%0AX:%201');
    expect(bedrockAgentRoute({ ...functionEvent(), actionGroup: '%2e%2e' })).toBe('/aws.bedrock-agent');
  });
});

describe('Bedrock agent action groups: CloudEvents', () => {
  it('maps both forms', () => {
    expect(plain(bedrockAgentSource.toCloudEvents(schemaEvent(), { awsRequestId: 'req-b' }))).toEqual([
      {
        specversion: '1.0',
        id: 'req-b',
        source: 'aws:bedrock:agent/AGENT12345',
        type: 'com.amazonaws.bedrock.agent.api',
        datacontenttype: 'application/json',
        subject: 'ClaimManagementActionGroup/claims/{claimId}/send-reminders',
        data: schemaEvent(),
      },
    ]);
    expect(plain(bedrockAgentSource.toCloudEvents(functionEvent(), { awsRequestId: 'req-f' }))[0]).toMatchObject({
      source: 'aws:bedrock:agent/AGENT67890',
      type: 'com.amazonaws.bedrock.agent.function',
      subject: 'TableBookingActionGroup/createBooking',
    });
    for (const path of [SCHEMA, FUNCTION]) expectValidCloudEvents(bedrockAgentSource.toCloudEvents(loadFixture(path) as BedrockAgentEvent));
    expectValidCloudEvents(bedrockAgentSource.toCloudEvents({ messageVersion: '1.0', agent: { id: 'a b/c' }, actionGroup: '', function: '' } as BedrockAgentEvent));
  });
});

describe('Bedrock agent action groups: the agent response', () => {
  it('wraps the schema form with the app status as httpStatusCode', () => {
    expect(bedrockAgentResult(reply(404, '{"message":"no such claim"}'), schemaEvent())).toEqual({
      messageVersion: '1.0',
      response: {
        actionGroup: 'ClaimManagementActionGroup',
        apiPath: '/claims/{claimId}/send-reminders',
        httpMethod: 'POST',
        httpStatusCode: 404,
        responseBody: { 'application/json': { body: '{"message":"no such claim"}' } },
      },
      sessionAttributes: { customerTier: 'gold' },
      promptSessionAttributes: { today: '2026-12-01' },
    });
  });

  it('wraps the function form, a non-2xx as REPROMPT (4xx) or FAILURE', () => {
    const ok = bedrockAgentResult(reply(200, 'Booked'), functionEvent());
    expect(ok).toEqual({
      messageVersion: '1.0',
      response: { actionGroup: 'TableBookingActionGroup', function: 'createBooking', functionResponse: { responseBody: { TEXT: { body: 'Booked' } } } },
      sessionAttributes: {},
      promptSessionAttributes: {},
    });
    const state = (status: number) => (bedrockAgentResult(reply(status, 'x'), functionEvent()).response as { functionResponse: { responseState?: string } }).functionResponse.responseState;
    expect([state(204), state(400), state(422), state(500), state(503), state(302)]).toEqual([undefined, 'REPROMPT', 'REPROMPT', 'FAILURE', 'FAILURE', 'FAILURE']);
  });

  it('passes a complete agent response through, and leaves out attributes the event lacks', () => {
    const own = { messageVersion: '1.0', response: { actionGroup: 'G', function: 'f', functionResponse: { responseBody: { TEXT: { body: 'mine' } } } }, sessionAttributes: { a: '1' } };
    expect(bedrockAgentResult(reply(200, JSON.stringify(own)), functionEvent())).toEqual(own);
    const { sessionAttributes: _s, promptSessionAttributes: _p, ...bare } = functionEvent();
    expect(Object.keys(bedrockAgentResult(reply(200, '{"messageVersion":"1.0"}'), bare))).toEqual(['messageVersion', 'response']);
  });
});

describe('Bedrock agent action groups through Express 5 and Hono', () => {
  const schemaPath = '/aws.bedrock-agent/ClaimManagementActionGroup/claims/claim-006/send-reminders';
  for (const mode of ['event', 'record'] as const) {
    for (const { name, app, received } of syncApps(schemaPath, () => ({ json: { sent: ['DriverLicense'] } }))) {
      it(`${name} (${mode} mode): the schema call reaches its route, the JSON answer is the agent response`, async () => {
        const event = schemaEvent();
        expect(await invoke(app, event, mode)).toEqual({
          messageVersion: '1.0',
          response: {
            actionGroup: 'ClaimManagementActionGroup',
            apiPath: '/claims/{claimId}/send-reminders',
            httpMethod: 'POST',
            httpStatusCode: 200,
            responseBody: { 'application/json': { body: '{"sent":["DriverLicense"]}' } },
          },
          sessionAttributes: { customerTier: 'gold' },
          promptSessionAttributes: { today: '2026-12-01' },
        });
        expect(received).toEqual([event]);
      });
    }

    for (const { name, app, received } of syncApps('/aws.bedrock-agent/TableBookingActionGroup/createBooking', () => ({ status: 422, text: 'numberOfGuests must be at most 12' }))) {
      it(`${name} (${mode} mode): a function call answered 422 is a REPROMPT with the app's text`, async () => {
        expect(await invoke(app, functionEvent(), mode)).toEqual({
          messageVersion: '1.0',
          response: {
            actionGroup: 'TableBookingActionGroup',
            function: 'createBooking',
            functionResponse: { responseState: 'REPROMPT', responseBody: { TEXT: { body: 'numberOfGuests must be at most 12' } } },
          },
          sessionAttributes: {},
          promptSessionAttributes: {},
        });
        expect(received).toEqual([functionEvent()]);
      });
    }

    for (const { name, app } of syncApps('/elsewhere', () => ({}))) {
      it(`${name} (${mode} mode): an unrouted call is the framework's 404 as httpStatusCode`, async () => {
        const result = (await invoke(app, schemaEvent(), mode)) as { response: { httpStatusCode: number } };
        expect(result.response.httpStatusCode).toBe(404);
      });
    }
  }

  it('rejects when the app throws: there is no answer to give the agent', async () => {
    const [express5] = syncApps('/x', () => ({}));
    const thrower = (express5?.app as { use: (f: unknown) => void });
    thrower.use(() => {
      throw new Error('database down');
    });
    await expect(invoke(express5?.app, functionEvent())).resolves.toMatchObject({ response: { functionResponse: { responseState: 'FAILURE' } } });
    const crashing = (): never => {
      throw new Error('database down');
    };
    await expect(invoke(crashing, functionEvent())).rejects.toBeInstanceOf(EventDeliveryError);
    await expect(invoke(crashing, functionEvent())).rejects.toMatchObject({ code: 'APP_ERROR', path: '/aws.bedrock-agent/TableBookingActionGroup/createBooking' });
  });
});
