// The four ways an SQS event reaches the app, each as `{ handle(event, context), status(run) }`:
// `handle` is what is timed; `status(run)` runs one event with the adapter's own view of the response
// exposed (for the check before timing) and returns { statusCode, body } as the adapter saw them.
import { createRequire } from 'node:module';
import { createFloorHandler } from './floor.mjs';

const require = createRequire(import.meta.url);

/** (a) this package: createLambdaHandler(app), event mode, from the built dist/index.js. */
export async function ours(app) {
  const { createLambdaHandler } = await import('../../dist/index.js');
  const handle = createLambdaHandler(app);
  return {
    handle,
    async status(event, context) {
      const result = await handle(event, context);
      return { statusCode: result.statusCode, body: result.body, path: '/aws.sqs' };
    },
  };
}

/**
 * (b) @h4ad/serverless-adapter 4.4.0: ServerlessAdapter with its SQSAdapter (POST /sqs, body the event's
 * JSON), DefaultHandler and PromiseResolver. It has no framework for a bare Node listener; its
 * ExpressFramework is exactly `app(req, res)`, so it drives the raw listener as well.
 */
export async function h4ad(app) {
  const { ServerlessAdapter } = await import('@h4ad/serverless-adapter');
  const { DefaultHandler } = await import('@h4ad/serverless-adapter/handlers/default');
  const { PromiseResolver } = await import('@h4ad/serverless-adapter/resolvers/promise');
  const { ExpressFramework } = await import('@h4ad/serverless-adapter/frameworks/express');
  const { SQSAdapter } = await import('@h4ad/serverless-adapter/adapters/aws');
  const sqsAdapter = new SQSAdapter();
  const handle = ServerlessAdapter.new(app)
    .setFramework(new ExpressFramework())
    .setHandler(new DefaultHandler())
    .setResolver(new PromiseResolver())
    .addAdapter(sqsAdapter)
    .build();
  return {
    handle,
    // Its SQS result is an empty object whatever the app answered (it throws below 200 and from 400), so
    // the check reads the status and body its getResponse is given.
    async status(event, context) {
      let seen;
      const original = sqsAdapter.getResponse;
      sqsAdapter.getResponse = function spy(args) {
        seen = { statusCode: args.statusCode, body: args.body, path: this.options.forwardPath };
        return original.call(this, args);
      };
      try {
        await handle(event, context);
      } finally {
        delete sqsAdapter.getResponse;
      }
      return seen;
    },
  };
}

/**
 * (c) @codegenie/serverless-express 4: configure({ app, eventSourceRoutes: { AWS_SQS: '/sqs' } }).
 * Express only: it hands the event to the app as a ready `req.body` object and its request stream would
 * push that object, so a listener that reads the body cannot be fed.
 */
export async function codegenie(app) {
  const { configure } = await import('@codegenie/serverless-express');
  const handle = configure({ app, eventSourceRoutes: { AWS_SQS: '/sqs' } });
  const sqsSource = require('@codegenie/serverless-express/src/event-sources/aws/sqs.js');
  return {
    handle,
    // Its SQS result is the app's body parsed as JSON; the check also reads the status given to getResponse.
    async status(event, context) {
      let seen;
      const original = sqsSource.getResponse;
      sqsSource.getResponse = (args) => {
        seen = { statusCode: args.statusCode, body: args.body, path: '/sqs' };
        return original(args);
      };
      try {
        await handle(event, context);
      } finally {
        sqsSource.getResponse = original;
      }
      return seen;
    },
  };
}

/** (d) the floor (see floor.mjs). */
export async function floor(app) {
  const handle = createFloorHandler(app, '/aws.sqs');
  return {
    handle,
    async status(event) {
      const result = await handle(event);
      return { statusCode: result.statusCode, body: result.body, path: '/aws.sqs' };
    },
  };
}
