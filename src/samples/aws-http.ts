import { ACCOUNT, REGION, digits, hex, obj, str, text, uuid } from './build.js';
import type { SampleDefinition, SampleOverrides } from './types.js';

// HTTP events (API Gateway HTTP API and REST API, ALB, Function URLs) and Lambda@Edge, after AWS's own
// samples (test/fixtures/aws-lambda-go/apigw-v2-request-no-authorizer.json, apigw-request.json,
// alb-lambda-target-request-headers-only.json, lambda-urls-request.json,
// aws-sam-cli/cloudfront/CloudFrontSimpleRemoteCall.json). Overrides: method, path (with its query),
// headers, body (an object is sent as JSON with content-type application/json).

interface HttpParts {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | null;
}

function httpParts(overrides: SampleOverrides, host: string, defaultMethod: string): HttpParts {
  const target = str(overrides, 'path', '/');
  const mark = target.indexOf('?');
  const headers: Record<string, string> = { accept: '*/*', host, 'user-agent': 'cloud-events-handler-sample', 'x-forwarded-for': '203.0.113.10', 'x-forwarded-port': '443', 'x-forwarded-proto': 'https' };
  const body = overrides.body === undefined || overrides.body === null ? null : text(overrides.body);
  if (body !== null) headers['content-type'] = typeof overrides.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  for (const [name, value] of Object.entries(obj(overrides, 'headers', {}))) headers[name.toLowerCase()] = String(value);
  return {
    method: str(overrides, 'method', body === null ? defaultMethod : 'POST').toUpperCase(),
    path: mark === -1 ? target : target.slice(0, mark),
    query: mark === -1 ? '' : target.slice(mark + 1),
    headers,
    body,
  };
}

/** `a=1&a=2&b=3` as API Gateway's single- and multi-value parameters (null when empty). */
function queryParameters(query: string): { single: Record<string, string> | null; multi: Record<string, string[]> | null } {
  if (query === '') return { single: null, multi: null };
  const multi: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(query)) (multi[name] ??= []).push(value);
  const single: Record<string, string> = {};
  for (const [name, values] of Object.entries(multi)) single[name] = values[values.length - 1] as string;
  return { single, multi };
}

const clfTime = (): string => {
  const [, day, month, year, time] = new Date().toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
};

function payloadV2(overrides: SampleOverrides, domain: string, functionUrl: boolean): unknown {
  const parts = httpParts(overrides, domain, 'GET');
  const { single } = queryParameters(parts.query);
  const http = { method: parts.method, path: parts.path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'cloud-events-handler-sample' };
  return {
    version: '2.0',
    ...(functionUrl ? {} : { routeKey: '$default' }),
    rawPath: parts.path,
    rawQueryString: parts.query,
    headers: parts.headers,
    ...(single ? { queryStringParameters: single } : {}),
    requestContext: {
      accountId: functionUrl ? 'anonymous' : ACCOUNT,
      apiId: domain.split('.')[0],
      domainName: domain,
      domainPrefix: domain.split('.')[0],
      http,
      requestId: uuid(),
      ...(functionUrl ? {} : { routeKey: '$default', stage: '$default' }),
      time: clfTime(),
      timeEpoch: Date.now(),
    },
    ...(parts.body === null ? {} : { body: parts.body }),
    isBase64Encoded: false,
  };
}

function restEvent(overrides: SampleOverrides): unknown {
  const apiId = hex(5);
  const parts = httpParts(overrides, `${apiId}.execute-api.${REGION}.amazonaws.com`, 'GET');
  const { single, multi } = queryParameters(parts.query);
  const stage = str(overrides, 'stage', 'prod');
  return {
    resource: '/{proxy+}',
    path: parts.path,
    httpMethod: parts.method,
    headers: parts.headers,
    multiValueHeaders: Object.fromEntries(Object.entries(parts.headers).map(([name, value]) => [name, [value]])),
    queryStringParameters: single,
    multiValueQueryStringParameters: multi,
    pathParameters: { proxy: parts.path.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: ACCOUNT,
      resourceId: hex(3),
      stage,
      requestId: uuid(),
      extendedRequestId: Buffer.from(hex(8)).toString('base64').slice(0, 16),
      requestTime: clfTime(),
      requestTimeEpoch: Date.now(),
      path: `/${stage}${parts.path}`,
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '203.0.113.10', userAgent: 'cloud-events-handler-sample' },
      resourcePath: '/{proxy+}',
      httpMethod: parts.method,
      domainName: parts.headers.host,
      apiId,
    },
    body: parts.body,
    isBase64Encoded: false,
  };
}

function albEvent(overrides: SampleOverrides): unknown {
  const parts = httpParts(overrides, 'example-alb-1234567890.us-east-1.elb.amazonaws.com', 'GET');
  const { single } = queryParameters(parts.query);
  parts.headers['x-amzn-trace-id'] = `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${hex(12)}`;
  return {
    requestContext: { elb: { targetGroupArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/lambda-target/${hex(8)}` } },
    httpMethod: parts.method,
    path: parts.path,
    queryStringParameters: single ?? {},
    headers: parts.headers,
    body: parts.body ?? '',
    isBase64Encoded: false,
  };
}

function cloudFrontEvent(overrides: SampleOverrides): unknown {
  const uri = str(overrides, 'uri', str(overrides, 'path', '/index.html'));
  const mark = uri.indexOf('?');
  const headers: Record<string, { key: string; value: string }[]> = { host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }], 'user-agent': [{ key: 'User-Agent', value: 'cloud-events-handler-sample' }] };
  for (const [name, value] of Object.entries(obj(overrides, 'headers', {}))) headers[name.toLowerCase()] = [{ key: name, value: String(value) }];
  return {
    Records: [
      {
        cf: {
          config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: str(overrides, 'eventType', 'viewer-request'), requestId: Buffer.from(digits(24)).toString('base64') },
          request: { clientIp: '203.0.113.178', headers, method: str(overrides, 'method', 'GET').toUpperCase(), querystring: mark === -1 ? '' : uri.slice(mark + 1), uri: mark === -1 ? uri : uri.slice(0, mark) },
        },
      },
    ],
  };
}

/** HTTP event and Lambda@Edge samples. */
export const httpSamples: readonly SampleDefinition[] = [
  { name: 'aws.apigw.http', description: 'API Gateway HTTP API request (payload 2.0)', overrides: ['method', 'path', 'headers', 'body'], build: (o) => payloadV2(o, `${hex(5)}.execute-api.${REGION}.amazonaws.com`, false) },
  { name: 'aws.apigw.rest', description: 'API Gateway REST API request (payload 1.0, proxy integration)', overrides: ['method', 'path', 'headers', 'body', 'stage'], build: restEvent },
  { name: 'aws.alb', description: 'Application Load Balancer request to a Lambda target', overrides: ['method', 'path', 'headers', 'body'], build: albEvent },
  { name: 'aws.lambda.url', description: 'Lambda Function URL request (payload 2.0)', overrides: ['method', 'path', 'headers', 'body'], build: (o) => payloadV2(o, `${hex(16)}.lambda-url.${REGION}.on.aws`, true) },
  { name: 'aws.cloudfront', description: 'Lambda@Edge viewer request (answer the request, or a response)', overrides: ['uri', 'path', 'method', 'headers', 'eventType'], build: cloudFrontEvent },
];
