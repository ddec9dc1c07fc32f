import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
import { findSource } from '../../registry.js';
import { isAlbEvent } from './elb/index.js';
import { isApiGatewayHttpEvent } from './apigateway-http/index.js';
import { isApiGatewayRestEvent } from './apigateway/index.js';
import { isFunctionUrlEvent } from './lambda-url/index.js';
import { isVpcLatticeEvent } from './vpclattice/index.js';

/** Every fixture an HTTP source must handle, with its source: written from the fixtures, not computed. */
const HTTP_FIXTURES: Record<string, string> = {
  'aws-lambda-go/apigw-request.json': 'aws.apigateway',
  'powertools/apigw-rest/console-test-ui.json': 'aws.apigateway',
  'powertools/apigw-rest/iam-auth.json': 'aws.apigateway',
  'powertools/apigw-rest/jwt-authorizer-auth.json': 'aws.apigateway',
  'powertools/apigw-rest/lambda-authorizer-auth.json': 'aws.apigateway',
  'powertools/apigw-rest/no-auth.json': 'aws.apigateway',
  'aws-lambda-go/apigw-v2-request-iam.json': 'aws.apigateway.http',
  'aws-lambda-go/apigw-v2-request-jwt-authorizer.json': 'aws.apigateway.http',
  'aws-lambda-go/apigw-v2-request-lambda-authorizer.json': 'aws.apigateway.http',
  'aws-lambda-go/apigw-v2-request-no-authorizer.json': 'aws.apigateway.http',
  'powertools/apigw-http/iam-auth.json': 'aws.apigateway.http',
  'powertools/apigw-http/jwt-authorizer-auth.json': 'aws.apigateway.http',
  'powertools/apigw-http/lambda-authorizer-auth.json': 'aws.apigateway.http',
  'powertools/apigw-http/no-auth.json': 'aws.apigateway.http',
  'aws-lambda-go/lambda-urls-request.json': 'aws.lambda.url',
  'aws-lambda-go/alb-lambda-target-request-headers-only.json': 'aws.elb',
  'aws-lambda-go/alb-lambda-target-request-multivalue-headers.json': 'aws.elb',
  'powertools/alb/base.json': 'aws.elb',
  'powertools/alb/multi-fields.json': 'aws.elb',
  'powertools/vpc-lattice/base.json': 'aws.vpclattice',
  'powertools/vpc-lattice-v2/base.json': 'aws.vpclattice',
};

const guards = [isFunctionUrlEvent, isApiGatewayHttpEvent, isApiGatewayRestEvent, isAlbEvent, isVpcLatticeEvent];

describe('HTTP event guards', () => {
  it.each(Object.entries(HTTP_FIXTURES))('%s is handled by %s', (path, name) => {
    expect(findSource(loadFixture(path))?.name).toBe(name);
  });

  it('accept no other fixture (authorizer requests, invalid events and every other source stay as they were)', () => {
    for (const path of fixturePaths()) {
      if (path in HTTP_FIXTURES) continue;
      const event = loadFixture(path);
      for (const guard of guards) expect(guard(event), `${guard.name}(${path})`).toBe(false);
    }
  });

  it('do not throw on odd values', () => {
    for (const event of [null, undefined, 1, 'x', [], {}, { requestContext: null }, { version: '2.0', requestContext: 'x' }, { httpMethod: 1 }]) {
      for (const guard of guards) expect(guard(event)).toBe(false);
    }
  });
});
