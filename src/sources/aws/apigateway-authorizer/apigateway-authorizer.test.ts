import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
import { EventDeliveryError } from '../../../errors.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { apiGatewayAuthorizerSource, isApiGatewayAuthorizerEvent, type ApiGatewayAuthorizerEvent } from './index.js';

const AUTHORIZER_FIXTURES = [
  'aws-lambda-go/apigw-custom-auth-request.json', // TOKEN
  'aws-lambda-go/apigw-custom-auth-request-type-request.json', // REQUEST
  'aws-lambda-go/apigw-v2-custom-authorizer-v1-request.json', // HTTP API, payload 1.0
  'aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json', // HTTP API, payload 2.0
  'aws-sam-cli/apigateway/ApiGatewayAuthorizer.json',
  'aws-sam-cli/apigateway/ApiGatewayRestRequestAuthorizer.json',
  'powertools/apigw-rest/authorizer-request.json',
  'powertools/apigw-rest/authorizer-token.json',
  'powertools/apigw-http/authorizer-request.json',
];
const load = (path: string) => loadFixture(path) as ApiGatewayAuthorizerEvent;

describe('API Gateway Lambda authorizers: guard and route', () => {
  it('accepts every authorizer sample, and the registry picks it before the HTTP sources', () => {
    for (const path of AUTHORIZER_FIXTURES) {
      const event = load(path);
      expect(isApiGatewayAuthorizerEvent(event), path).toBe(true);
      expect(findSource(event)?.name, path).toBe('aws.apigateway.authorizer');
      expect(apiGatewayAuthorizerSource.route(event)).toBe('/aws.apigateway.authorizer');
    }
  });

  it('rejects the HTTP requests themselves (REST, HTTP API, ALB, Function URL, VPC Lattice)', () => {
    const requests = ['apigw-rest', 'apigw-http', 'alb', 'vpc-lattice', 'vpc-lattice-v2']
      .flatMap((folder) => fixturePaths(`powertools/${folder}`))
      .concat(['aws-lambda-go/apigw-request.json', 'aws-lambda-go/apigw-v2-request-lambda-authorizer.json', 'aws-lambda-go/lambda-urls-request.json'])
      .filter((path) => !AUTHORIZER_FIXTURES.includes(path));
    expect(requests.length).toBeGreaterThan(10);
    for (const path of requests) expect(isApiGatewayAuthorizerEvent(loadFixture(path)), path).toBe(false);
    expect(isApiGatewayAuthorizerEvent({ methodArn: 42 })).toBe(false);
  });
});

describe('API Gateway Lambda authorizers: CloudEvents', () => {
  it('maps a TOKEN request (no request context: the request id)', () => {
    const event = load('aws-lambda-go/apigw-custom-auth-request.json');
    const events = apiGatewayAuthorizerSource.toCloudEvents(event, { awsRequestId: 'req-a' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-a',
        source: 'arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b',
        type: 'com.amazonaws.apigateway.authorizer.TOKEN',
        datacontenttype: 'application/json',
        subject: '*/GET/',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('maps a payload 2.0 REQUEST (routeArn, requestId, timeEpoch)', () => {
    const event = load('aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json');
    const events = apiGatewayAuthorizerSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'id',
        source: 'arn:aws:execute-api:us-east-1:123456789012:abcdef123',
        type: 'com.amazonaws.apigateway.authorizer.REQUEST',
        datacontenttype: 'application/json',
        subject: 'test/GET/request',
        time: '2020-03-04T19:03:58.390Z',
        data: event,
      },
    ]);
  });

  it('gives valid CloudEvents for every sample, an ARN with `{proxy+}` included', () => {
    for (const path of AUTHORIZER_FIXTURES) expectValidCloudEvents(apiGatewayAuthorizerSource.toCloudEvents(load(path)));
    const [sam] = apiGatewayAuthorizerSource.toCloudEvents(load('aws-sam-cli/apigateway/ApiGatewayAuthorizer.json'));
    expect(sam?.source).toBe('arn:aws:execute-api:us-east-1::example');
    expect(sam?.subject).toBe('prod/POST/{proxy+}');
  });
});

describe('API Gateway Lambda authorizers: result', () => {
  const policy = (effect: 'Allow' | 'Deny', resource: string) => ({
    principalId: 'user-1',
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
    context: { tier: 'gold' },
  });

  for (const { name, app, received } of syncApps('/aws.apigateway.authorizer', (raw) => {
    const event = raw as Record<string, unknown>;
    if (event.version === '2.0') return { json: { isAuthorized: true, context: { user: 'user-1' } } };
    if (event.authorizationToken === 'deny-me') return { status: 401, text: 'Unauthorized' };
    return { json: policy('Allow', event.methodArn as string) };
  })) {
    it(`${name}: an IAM policy for a TOKEN request, a simple response for payload 2.0, 401 → "Unauthorized"`, async () => {
      const token = load('powertools/apigw-rest/authorizer-token.json');
      expect(await invoke(app, token)).toEqual(policy('Allow', 'arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-token'));

      const v2 = load('powertools/apigw-http/authorizer-request.json');
      expect(await invoke(app, v2)).toEqual({ isAuthorized: true, context: { user: 'user-1' } });
      expect(received).toEqual([token, v2]);

      const denied = await invoke(app, { ...token, authorizationToken: 'deny-me' }).catch((error: unknown) => error);
      expect(denied).toBeInstanceOf(EventDeliveryError);
      // API Gateway answers 401 to the client when the authorizer fails with exactly this message.
      expect((denied as EventDeliveryError).message).toBe('Unauthorized');
    });
  }
});
