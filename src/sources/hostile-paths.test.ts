// Every source that builds its path from event data, fed hostile values in each field that reaches the
// path, delivered through createLambdaHandler to real apps that echo the path their framework gives
// them: Express 5 (`req.path`), Hono (`c.req.path`) and a plain fetch function (`new URL(request.url)`).
import express from 'express';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLambdaHandler } from '../handlers/lambda/index.js';
import { findSource } from './index.js';

/** Values chosen to climb, to add a query, fragment or authority, or to break the request line. */
const HOSTILE = [
  '..', '.', '%2e%2e', '%2E%2e/x', '\\', '..\\..', '..\\..\\admin', '//host', '/\\host', '//host/admin', '../../admin',
  'a/../../admin', '..%2F..%2Fadmin', '%2e%2e%2fadmin', '.%2e/admin', 'a\u0000b', 'a\r\nX-Injected: 1', '?x=1', '#frag',
  'café/ünï', '\uD800', 'x/\uDC00/..', '', ' ', '%', '%00', '\t..',
];

/** One source: its registry name, the fixed prefix its paths stay under, and an event per value. */
interface PathSource {
  name: string;
  field: string;
  prefix: string;
  event: (value: string) => unknown;
  modes?: ReadonlyArray<'event' | 'record'>;
}

const SOURCES: PathSource[] = [
  {
    name: 'cloudevents',
    field: 'source',
    prefix: '/',
    event: (source) => ({ specversion: '1.0', id: '1', source, type: 'com.example.t', data: {} }),
    modes: ['event', 'record'],
  },
  {
    name: 'aws.events',
    field: 'source',
    prefix: '/',
    event: (source) => ({ version: '0', id: '1', 'detail-type': 't', source, account: '1', time: '2026-01-01T00:00:00Z', region: 'us-east-1', resources: [], detail: {} }),
    modes: ['event', 'record'],
  },
  { name: 'aws.iotevents', field: 'event.eventName', prefix: '/', event: (eventName) => ({ event: { eventName, payload: {} } }) },
  {
    name: 'aws.appsync',
    field: 'info.parentTypeName',
    prefix: '/aws.appsync',
    event: (parentTypeName) => ({ arguments: {}, info: { parentTypeName, fieldName: 'admin' } }),
  },
  {
    name: 'aws.appsync',
    field: 'info.fieldName',
    prefix: '/aws.appsync',
    event: (fieldName) => [{ arguments: {}, info: { parentTypeName: 'Query', fieldName } }],
  },
  {
    name: 'aws.cognito-idp',
    field: 'triggerSource',
    prefix: '/aws.cognito-idp',
    event: (triggerSource) => ({ version: '1', triggerSource: `${triggerSource}_SignUp`, userPoolId: 'eu-west-1_x', request: {}, response: {} }),
  },
  {
    name: 'aws.states',
    field: 'context.State.Name',
    prefix: '/aws.states',
    event: (Name) => ({ input: {}, context: { Execution: { Id: 'arn:aws:states:x' }, StateMachine: { Id: 'arn:m' }, State: { Name } } }),
  },
  {
    name: 'aws.secretsmanager',
    field: 'Step',
    prefix: '/aws.secretsmanager',
    event: (Step) => ({ Step, SecretId: 'arn:secret', ClientRequestToken: 'token' }),
  },
  {
    name: 'aws.bedrock-agent',
    field: 'actionGroup',
    prefix: '/aws.bedrock-agent',
    event: (actionGroup) => ({ messageVersion: '1.0', agent: { id: 'A' }, actionGroup, function: 'admin' }),
    modes: ['event', 'record'],
  },
  {
    name: 'aws.bedrock-agent',
    field: 'function',
    prefix: '/aws.bedrock-agent',
    event: (fn) => ({ messageVersion: '1.0', agent: { id: 'A' }, actionGroup: 'G', function: fn }),
  },
  {
    name: 'aws.bedrock-agent',
    field: 'apiPath',
    prefix: '/aws.bedrock-agent',
    event: (apiPath) => ({ messageVersion: '1.0', agent: { id: 'A' }, actionGroup: 'G', apiPath, httpMethod: 'GET' }),
  },
  {
    name: 'aws.bedrock-agent',
    field: 'parameters[].value (apiPath template)',
    prefix: '/aws.bedrock-agent',
    event: (value) => ({ messageVersion: '1.0', agent: { id: 'A' }, actionGroup: 'G', apiPath: '/claims/{id}/x', parameters: [{ name: 'id', type: 'string', value }] }),
  },
];

interface Seen {
  app: string;
  path: string;
  raw: boolean;
  url?: URL;
}

/** The three apps, each pushing what its framework says the request path is. */
function echoApps(seen: Seen[]): Array<{ name: string; app: unknown }> {
  const expressApp = express();
  expressApp.use((req, res) => {
    expect(req.url).not.toMatch(/[?#]/);
    seen.push({ app: 'express 5', path: req.path, raw: true });
    res.json({});
  });
  const hono = new Hono();
  hono.all('*', (c) => {
    seen.push({ app: 'hono', path: c.req.path, raw: false, url: new URL(c.req.url) });
    return c.json({});
  });
  const fetchApp = (request: Request): Response => {
    const url = new URL(request.url);
    seen.push({ app: 'fetch', path: url.pathname, raw: true, url });
    return Response.json({});
  };
  return [
    { name: 'express 5', app: expressApp },
    { name: 'hono', app: hono },
    { name: 'fetch', app: fetchApp },
  ];
}

/** `.`, `..` or empty, in plain or percent-encoded dots. */
const DOTS = /^(?:\.|%2e){0,2}$/i;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function expectContained(seen: Seen, prefix: string, value: string): void {
  const where = `${seen.app} got ${JSON.stringify(seen.path)} for ${JSON.stringify(value)}`;
  const { path } = seen;
  expect(path.startsWith('/') && !path.startsWith('//'), where).toBe(true);
  if (prefix !== '/') expect(path === prefix || path.startsWith(prefix + '/'), where).toBe(true);
  // No query, fragment or backslash, whatever the framework decoded (Hono decodes `%00` to NUL: data).
  expect(path, where).not.toMatch(/[?#\\]/);
  if (seen.raw) {
    expect(path, where).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/);
    // A URL parser leaves it as it is: nothing to resolve.
    expect(new URL('http://localhost' + path).pathname, where).toBe(path);
  }
  // No dot segment, as given or after one more decoding (routers that decode before matching).
  for (const segment of path.split('/').slice(1)) {
    expect(DOTS.test(segment) && segment !== '', where).toBe(false);
    const plain = decoded(segment);
    expect(plain.split(/[/\\]/).some((part) => part !== '' && DOTS.test(part)), where).toBe(false);
  }
  if (seen.url !== undefined) {
    expect(seen.url.host, where).toBe('localhost');
    expect(seen.url.search, where).toBe('');
    expect(seen.url.hash, where).toBe('');
  }
}

const context = { awsRequestId: 'req-1', invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:f', getRemainingTimeInMillis: () => 5000 };

describe('paths built from event data stay under their source prefix in real apps', () => {
  for (const source of SOURCES) {
    for (const mode of source.modes ?? ['event']) {
      it(`${source.name} ${source.field} (${mode} mode)`, async () => {
        const seen: Seen[] = [];
        for (const { name, app } of echoApps(seen)) {
          const handler = createLambdaHandler(app, { mode, request: { path: '/unrouted' } });
          for (const value of HOSTILE) {
            const event = source.event(value);
            expect(findSource(event)?.name, `${JSON.stringify(value)} is still a ${source.name} event`).toBe(source.name);
            const before = seen.length;
            await handler(event, context);
            expect(seen.length, `${name} received ${JSON.stringify(value)}`).toBe(before + 1);
            expectContained(seen[seen.length - 1] as Seen, source.prefix, value);
          }
        }
      });
    }
  }

  it('plain values keep their readable paths', async () => {
    const seen: Seen[] = [];
    const [express5] = echoApps(seen);
    const handler = createLambdaHandler(express5?.app);
    await handler({ arguments: {}, info: { parentTypeName: 'Mutation', fieldName: 'createPost' } }, context);
    await handler({ Step: 'setSecret', SecretId: 's', ClientRequestToken: 't' }, context);
    await handler({ input: {}, context: { Execution: { Id: 'x' }, StateMachine: {}, State: { Name: 'Charge card' } } }, context);
    await handler({ specversion: '1.0', id: '1', source: '/my/context', type: 't' }, context);
    await handler({ messageVersion: '1.0', agent: { id: 'A' }, actionGroup: 'Claims', apiPath: '/claims/{id}', parameters: [{ name: 'id', type: 'string', value: 'c 6' }] }, context);
    expect(seen.map((s) => s.path)).toEqual(['/aws.appsync/Mutation/createPost', '/aws.secretsmanager/setSecret', '/aws.states/Charge%20card', '/my/context', '/aws.bedrock-agent/Claims/claims/c%206']);
  });
});
