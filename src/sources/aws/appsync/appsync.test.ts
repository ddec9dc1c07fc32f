import express from 'express';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
import { createLambdaHandler } from '../../../handlers/lambda/index.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { appSyncAuthorizerSource, appSyncResolverSource, isAppSyncAuthorizerEvent, isAppSyncResolverEvent, type AppSyncResolverInvocation } from './index.js';

const RESOLVERS = ['aws-sam-cli/appsync/AppSyncDirectResolver.json', 'powertools/appsync/resolver.json'];
const AUTHORIZER = 'aws-lambda-go/appsync-lambda-auth-request.json';
const context = { awsRequestId: 'req-as', getRemainingTimeInMillis: () => 5000 };

type Resolver = { arguments: { id: string }; info: { parentTypeName: string; fieldName: string; selectionSetList: string[] }; identity: { username: string } };

describe('AppSync guards', () => {
  it('resolver contexts (one, or a batch) and authorizer requests, on the fixtures', () => {
    for (const path of RESOLVERS) {
      expect(isAppSyncResolverEvent(loadFixture(path)), path).toBe(true);
      expect(isAppSyncResolverEvent([loadFixture(path), loadFixture(path)]), path).toBe(true);
      expect(isAppSyncAuthorizerEvent(loadFixture(path)), path).toBe(false);
    }
    expect(isAppSyncAuthorizerEvent(loadFixture(AUTHORIZER))).toBe(true);
    expect(isAppSyncResolverEvent(loadFixture(AUTHORIZER))).toBe(false);
  });

  it('no other fixture is accepted (the authorizer response and identities included)', () => {
    for (const path of fixturePaths()) {
      if (RESOLVERS.includes(path) || path === AUTHORIZER) continue;
      const event = loadFixture(path);
      expect(isAppSyncResolverEvent(event), path).toBe(false);
      expect(isAppSyncAuthorizerEvent(event), path).toBe(false);
    }
  });

  it('needs fieldName with parentTypeName; a token with requestContext.apiId and a GraphQL queryString', () => {
    expect(isAppSyncResolverEvent({ info: { fieldName: 'f' } })).toBe(false);
    expect(isAppSyncResolverEvent({ info: { parentTypeName: 'Query' } })).toBe(false);
    expect(isAppSyncResolverEvent({ info: { fieldName: 1, parentTypeName: 'Query' } })).toBe(false);
    expect(isAppSyncResolverEvent([])).toBe(false);
    expect(isAppSyncResolverEvent([{}])).toBe(false);
    expect(isAppSyncAuthorizerEvent({ authorizationToken: 't', methodArn: 'arn:aws:execute-api:...', type: 'TOKEN' })).toBe(false);
    expect(isAppSyncAuthorizerEvent({ requestContext: { apiId: 'a' }, headers: {} })).toBe(false);
    expect(isAppSyncAuthorizerEvent({ authorizationToken: 't', requestContext: {} })).toBe(false);
    expect(isAppSyncAuthorizerEvent({ authorizationToken: 't', requestContext: { apiId: 'a', stage: 'test' }, methodArn: 'arn' })).toBe(false);
    expect(isAppSyncAuthorizerEvent({ authorizationToken: 't', requestContext: { apiId: 'a', queryString: '{ a }' } })).toBe(true);
    expect(isAppSyncAuthorizerEvent(null)).toBe(false);
  });
});

describe('AppSync routes', () => {
  it('a resolver goes to /aws.appsync/<parentTypeName>/<fieldName>, made safe; /aws.appsync without both names', () => {
    for (const path of RESOLVERS) expect(appSyncResolverSource.route(loadFixture(path) as AppSyncResolverInvocation)).toBe('/aws.appsync/Mutation/createSomething');
    const route = (info: unknown) => appSyncResolverSource.route({ info } as never);
    expect(route({ parentTypeName: 'Query', fieldName: 'getPost' })).toBe('/aws.appsync/Query/getPost');
    expect(route({ parentTypeName: '../admin', fieldName: 'x?y#z' })).toBe('/aws.appsync/admin/x%3Fy%23z');
    expect(route({ parentTypeName: '', fieldName: 'f' })).toBe('/aws.appsync');
    expect(route(undefined)).toBe('/aws.appsync');
    expect(appSyncResolverSource.route([{ info: { parentTypeName: 'Post', fieldName: 'author' } }] as never)).toBe('/aws.appsync/Post/author');
  });

  it('an authorizer goes to /aws.appsync.authorizer', () => {
    expect(appSyncAuthorizerSource.route(loadFixture(AUTHORIZER) as never)).toBe('/aws.appsync.authorizer');
  });
});

describe('AppSync CloudEvents', () => {
  it('a resolver context: one event, subject Type.field, data the context', () => {
    const event = loadFixture(RESOLVERS[0] as string) as AppSyncResolverInvocation;
    const events = appSyncResolverSource.toCloudEvents(event, { awsRequestId: 'r-1' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'r-1',
        source: 'aws:appsync',
        type: 'com.amazonaws.appsync.resolve',
        subject: 'Mutation.createSomething',
        datacontenttype: 'application/json',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('a batch: one event per item, ids unique within the invocation', () => {
    const one = loadFixture(RESOLVERS[1] as string) as Resolver;
    const batch = [one, { ...one, info: { ...one.info, parentTypeName: 'Post', fieldName: 'author' } }];
    const events = appSyncResolverSource.toCloudEvents(batch as never, { awsRequestId: 'r-2' });
    expect(events.map((e) => [e.id, e.subject, e.data])).toEqual([
      ['r-2-0', 'Mutation.createSomething', batch[0]],
      ['r-2-1', 'Post.author', batch[1]],
    ]);
    expectValidCloudEvents(events);
  });

  it('an authorizer request: id the request id, source the API, subject the operation', () => {
    const event = loadFixture(AUTHORIZER);
    const events = appSyncAuthorizerSource.toCloudEvents(event as never, { awsRequestId: 'unused' });
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'f4081827-1111-4444-5555-5cf4695f339f',
        source: 'aws:appsync:apis/aaaaaa123123123example123',
        type: 'com.amazonaws.appsync.authorize',
        subject: 'MyQuery',
        datacontenttype: 'application/json',
        data: event,
      },
    ]);
    expectValidCloudEvents(events);
    const bare = appSyncAuthorizerSource.toCloudEvents({ authorizationToken: 't', requestContext: { apiId: 'a/b', queryString: '{ a }' } } as never, { awsRequestId: 'r-3' });
    expect(plain(bare)[0]).toMatchObject({ id: 'r-3', source: 'aws:appsync:apis/a%2Fb' });
    expect(plain(bare)[0]?.subject).toBeUndefined();
  });

  it('both are sync, answered with the app\'s JSON body', () => {
    expect([appSyncResolverSource.answer, appSyncAuthorizerSource.answer]).toEqual(['json', 'json']);
    expect(appSyncResolverSource.respond).toBeUndefined();
    expect(appSyncAuthorizerSource.respond).toBeUndefined();
  });
});

/** The authorizer's answer, as aws-lambda-go's sample has it. */
const AUTH_RESPONSE = loadFixture('aws-lambda-go/appsync-lambda-auth-response.json');

/** A GraphQL backend: a field resolver, a batch resolver, a failing field, and the authorizer. */
function expressApp() {
  const app = express();
  app.use(express.json());
  app.post('/aws.appsync/Mutation/createSomething', (req, res) => {
    const event = req.body as Resolver;
    res.json({ id: event.arguments.id, field1: event.identity.username, field2: event.info.selectionSetList.length });
  });
  app.post('/aws.appsync/Post/author', (req, res) => {
    res.json((req.body as Resolver[]).map((item) => ({ name: `author of ${item.arguments.id}` })));
  });
  app.post('/aws.appsync/Query/secret', (_req, res) => {
    res.status(403).json({ message: 'Not allowed to read secret' });
  });
  app.post('/aws.appsync.authorizer', (req, res) => {
    if ((req.body as { authorizationToken: string }).authorizationToken !== 'ExampleAUTHtoken123123123') res.json({ isAuthorized: false });
    else res.json(AUTH_RESPONSE);
  });
  return app;
}

function honoApp() {
  const app = new Hono();
  app.post('/aws.appsync/Mutation/createSomething', async (c) => {
    const event = await c.req.json<Resolver>();
    return c.json({ id: event.arguments.id, field1: event.identity.username, field2: event.info.selectionSetList.length });
  });
  app.post('/aws.appsync/Post/author', async (c) => c.json((await c.req.json<Resolver[]>()).map((item) => ({ name: `author of ${item.arguments.id}` }))));
  app.post('/aws.appsync/Query/secret', (c) => c.json({ message: 'Not allowed to read secret' }, 403));
  app.post('/aws.appsync.authorizer', async (c) => {
    const token = (await c.req.json<{ authorizationToken: string }>()).authorizationToken;
    return c.json(token === 'ExampleAUTHtoken123123123' ? AUTH_RESPONSE : { isAuthorized: false });
  });
  return app;
}

describe.each([
  ['Express 5', expressApp],
  ['Hono', honoApp],
])('AppSync through createLambdaHandler and %s', (_name, makeApp) => {
  const handler = createLambdaHandler(makeApp());

  it('a direct resolver: the app\'s JSON body is the field\'s value', async () => {
    for (const path of RESOLVERS) {
      expect(await handler(loadFixture(path), context)).toEqual({ id: 'my identifier', field1: 'jdoe', field2: 3 });
    }
  });

  it('a batch resolver: the app\'s JSON list is the result, one value per item', async () => {
    const one = loadFixture(RESOLVERS[0] as string) as Resolver;
    const batch = ['p1', 'p2'].map((id) => ({ ...one, arguments: { id }, info: { ...one.info, parentTypeName: 'Post', fieldName: 'author' } }));
    expect(await handler(batch, context)).toEqual([{ name: 'author of p1' }, { name: 'author of p2' }]);
  });

  it('a non-2xx answer fails the field with the app\'s error text', async () => {
    const one = loadFixture(RESOLVERS[0] as string) as Resolver;
    const secret = { ...one, info: { ...one.info, parentTypeName: 'Query', fieldName: 'secret' } };
    await expect(handler(secret, context)).rejects.toMatchObject({ message: 'Not allowed to read secret', statusCode: 403, path: '/aws.appsync/Query/secret' });
  });

  it('an authorizer: the app\'s decision is the result', async () => {
    const request = loadFixture(AUTHORIZER) as { authorizationToken: string };
    expect(await handler(request, context)).toEqual({ isAuthorized: true, resolverContext: { banana: 'very yellow', apple: 'very green' } });
    expect(await handler({ ...request, authorizationToken: 'wrong' }, context)).toEqual({ isAuthorized: false });
  });
});
