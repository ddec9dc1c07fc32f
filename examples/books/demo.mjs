/**
 * `npm run demo`: an S3 "book uploaded" notification through the deployed handler (handler.mjs), then an
 * API Gateway HTTP API (payload 2.0) `GET /books` through the same handler, the way Lambda would run them. Uses the PGlite database in
 * examples/books/.data/ (created on the first run), or DATABASE_URL's server when set.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const started = performance.now();
const { db, handler } = await import('./handler.mjs');
const readEvent = async (name) => JSON.parse(await readFile(new URL(`./events/${name}`, import.meta.url), 'utf8'));
const s3Event = await readEvent('s3-put.json');
const httpEvent = await readEvent('http-api-get-books.json');

/** A context shaped like the one the Node.js runtime passes (a 30 s timeout, 1024 MB). */
function lambdaContext() {
  const deadline = Date.now() + 30_000;
  const awsRequestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'books-uploads',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:books-uploads',
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: '/aws/lambda/books-uploads',
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function show(result) {
  const type = result.headers['content-type'] ?? '';
  const body = type.startsWith('application/json') ? JSON.stringify(JSON.parse(result.body), null, 2) : result.body;
  console.log(`   <- ${result.statusCode} ${type}`);
  console.log(body.replace(/^/gm, '      '));
}

let exitCode = 0;
try {
  console.log(`books demo, database: ${db.description}\n`);

  const record = s3Event.Records[0];
  const uploadContext = lambdaContext();
  console.log(`1. S3 ${record.eventName} s3://${record.s3.bucket.name}/${record.s3.object.key} (${record.s3.object.size} bytes)`);
  console.log(`   -> handler(event, context), Lambda request ${uploadContext.awsRequestId}`);
  show(await handler(s3Event, uploadContext));

  const listContext = lambdaContext();
  console.log(`\n2. API Gateway HTTP API ${httpEvent.routeKey} (payload ${httpEvent.version}), the same handler, Lambda request ${listContext.awsRequestId}`);
  show(await handler(httpEvent, listContext));

  console.log(`\ndone in ${Math.round(performance.now() - started)} ms (run it again: the upload is stored once, then refreshed)`);
} catch (error) {
  console.error('demo failed:', error);
  exitCode = 1;
} finally {
  await db.close();
}
process.exitCode = exitCode;
