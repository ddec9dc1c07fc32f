import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpRequest, InvocationContext, trigger } from '@azure/functions';
import { createAzureFunctionHandler, createCloudEventFunction, createLambdaHandler, EventDeliveryError } from '../../src/index.js';
import type { HttpResult, LambdaContext, LambdaResult } from '../../src/index.js';
import { createApp, openDatabase } from './app.mjs';
import type { Book, Database } from './app.mjs';

// The example's own sample event (aws-lambda-go's s3-event.json, key changed: see events/README.md).
const S3_PUT = readFileSync(new URL('./events/s3-put.json', import.meta.url), 'utf8');

interface S3Record {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name?: string }; object: { key?: string; size?: number } };
}

/** A fresh copy of the sample event, its first record changed by `edit`. */
function s3Event(edit?: (record: S3Record) => void): { Records: S3Record[] } {
  const event = JSON.parse(S3_PUT) as { Records: S3Record[] };
  edit?.(event.Records[0]!);
  return event;
}

let requestCounter = 0;
function context(): LambdaContext {
  requestCounter++;
  return {
    awsRequestId: `req-${requestCounter}`,
    functionName: 'books',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:books',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 30_000,
  };
}

/** The result of an event-mode handler (not a batch): status, parsed JSON body. */
function http(result: LambdaResult): { statusCode: number; headers: Record<string, string>; json: unknown } {
  if (typeof result !== 'object' || result === null || Array.isArray(result) || typeof (result as { statusCode?: unknown }).statusCode !== 'number') {
    throw new Error(`not an HTTP result: ${JSON.stringify(result)}`);
  }
  const envelope = result as HttpResult;
  return { statusCode: envelope.statusCode, headers: envelope.headers ?? {}, json: envelope.body === '' ? undefined : JSON.parse(envelope.body) };
}

let db: Database;
let logLines: string[];
let onS3: ReturnType<typeof createLambdaHandler>;
/** A handler that sends `method path` with the invocation event as JSON body (the seed's request defaults). */
let call: (method: string, path: string, event?: unknown) => Promise<ReturnType<typeof http>>;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  const app = createApp({ db, log: (line) => logLines.push(line) });
  onS3 = createLambdaHandler(app);
  call = async (method, path, event = {}) => http(await createLambdaHandler(app, { request: { method, path } })(event, context()));
});

afterAll(async () => {
  await db?.close();
});

beforeEach(async () => {
  logLines = [];
  await db.query('TRUNCATE books RESTART IDENTITY');
});

async function rows(): Promise<Array<{ title: string; bucket: string; object_key: string; size: number | string; uploaded_at: Date; request_id: string }>> {
  const result = await db.query<{ title: string; bucket: string; object_key: string; size: number | string; uploaded_at: Date; request_id: string }>(
    'SELECT title, bucket, object_key, size, uploaded_at, request_id FROM books ORDER BY id',
  );
  return result.rows;
}

describe('POST /aws.s3 through the Lambda handler', () => {
  it('stores the uploaded object: bucket, URL-decoded key, size, event time and the Lambda request id', async () => {
    const ctx = context();
    const result = http(await onS3(s3Event(), ctx));

    expect(result.statusCode).toBe(201);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.bucket).toBe('sourcebucket');
    expect(stored[0]!.object_key).toBe('books/The Left Hand of Darkness.pdf');
    expect(Number(stored[0]!.size)).toBe(1024);
    expect(stored[0]!.uploaded_at.toISOString()).toBe('1970-01-01T00:00:00.123Z');
    expect(stored[0]!.title).toBe('The Left Hand of Darkness');
    expect(stored[0]!.request_id).toBe(ctx.awsRequestId);
    expect(result.json).toEqual({
      requestId: ctx.awsRequestId,
      stored: [
        {
          id: 1,
          title: 'The Left Hand of Darkness',
          author: null,
          file: { bucket: 'sourcebucket', key: 'books/The Left Hand of Darkness.pdf', size: 1024, uploadedAt: '1970-01-01T00:00:00.123Z' },
          createdAt: expect.any(String),
        },
      ],
      ignored: 0,
    });
    expect(logLines).toEqual([`[${ctx.awsRequestId}] S3: 1 book file(s) stored (1 new), 0 record(s) ignored`]);
  });

  it('decodes keys as S3 encodes them: + is a space, %2B a plus, UTF-8 percent escapes', async () => {
    await onS3(s3Event((record) => (record.s3.object.key = 'books/C%2B%2B+Primer+%282nd%29+caf%C3%A9.epub')), context());
    expect((await rows()).map((row) => [row.object_key, row.title])).toEqual([['books/C++ Primer (2nd) café.epub', 'C++ Primer (2nd) café']]);
  });

  it('stores a redelivered event once (200), and never lets an older event overwrite a newer one', async () => {
    expect(http(await onS3(s3Event(), context())).statusCode).toBe(201);
    const again = context();
    expect(http(await onS3(s3Event(), again)).statusCode).toBe(200);
    expect((await rows()).map((row) => row.request_id)).toEqual([again.awsRequestId]);

    const stale = http(
      await onS3(
        s3Event((record) => {
          record.eventTime = '1969-12-31T23:59:59.000Z';
          record.s3.object.size = 1;
        }),
        context(),
      ),
    );
    expect(stale.statusCode).toBe(200);
    expect(stale.json).toMatchObject({ stored: [] });
    expect((await rows()).map((row) => Number(row.size))).toEqual([1024]);
  });

  it('ignores records that are not ObjectCreated:*', async () => {
    const event = s3Event();
    const removed = s3Event((record) => {
      record.eventName = 'ObjectRemoved:Delete';
      record.s3.object.key = 'books/Dune.pdf';
      delete record.s3.object.size;
    }).Records[0]!;
    event.Records.unshift(removed);

    const result = http(await onS3(event, context()));
    expect(result.statusCode).toBe(201);
    expect(result.json).toMatchObject({ ignored: 1 });
    expect((await rows()).map((row) => row.object_key)).toEqual(['books/The Left Hand of Darkness.pdf']);

    const onlyRemoved = http(await onS3({ Records: [removed] }, context()));
    expect(onlyRemoved.statusCode).toBe(200);
    expect(onlyRemoved.json).toMatchObject({ stored: [], ignored: 1 });
  });

  it.each([
    ['no bucket name', (record: S3Record) => delete record.s3.bucket.name, 's3.bucket.name is missing'],
    ['a key that is not valid URL encoding', (record: S3Record) => (record.s3.object.key = 'books/100%+sure.pdf'), 'is not valid URL encoding'],
    ['no eventTime date', (record: S3Record) => (record.eventTime = 'yesterday'), 'eventTime is not a date'],
  ])('rejects the invocation with EventDeliveryError when the app answers 422 to a record with %s', async (_, edit, message) => {
    const error = await onS3(s3Event(edit), context()).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(EventDeliveryError);
    const delivery = error as EventDeliveryError;
    expect(delivery.statusCode).toBe(422);
    expect(delivery.path).toBe('/aws.s3');
    expect(delivery.code).toBe('EVENT_REJECTED');
    expect(JSON.parse(delivery.body)).toMatchObject({ error: 'malformed S3 records', records: [{ index: 0, error: expect.stringContaining(message) }] });
    expect(await rows()).toEqual([]);
  });

  it('stores nothing from a batch with one malformed record', async () => {
    const event = s3Event();
    event.Records.push(s3Event((record) => delete record.s3.object.key).Records[0]!);
    await expect(onS3(event, context())).rejects.toBeInstanceOf(EventDeliveryError);
    expect(await rows()).toEqual([]);
  });
});

describe('the books API through event-mode handlers with request defaults', () => {
  it('GET /books lists uploaded and posted books in creation order', async () => {
    expect(await call('GET', '/books')).toMatchObject({ statusCode: 200, json: [] });
    await onS3(s3Event(), context());
    expect((await call('POST', '/books', { title: 'Kindred', author: 'Octavia E. Butler' })).statusCode).toBe(201);

    const listed = await call('GET', '/books');
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['content-type']).toBe('application/json; charset=utf-8');
    const books = listed.json as Book[];
    expect(books.map(({ id, title, author, file }) => ({ id, title, author, file }))).toEqual([
      {
        id: 1,
        title: 'The Left Hand of Darkness',
        author: null,
        file: { bucket: 'sourcebucket', key: 'books/The Left Hand of Darkness.pdf', size: 1024, uploadedAt: '1970-01-01T00:00:00.123Z' },
      },
      { id: 2, title: 'Kindred', author: 'Octavia E. Butler', file: null },
    ]);
    expect(Number.isNaN(Date.parse(books[1]!.createdAt))).toBe(false);
  });

  it('POST /books creates a book (201, Location) and answers 400 naming missing or empty fields', async () => {
    const created = await call('POST', '/books', { title: '  Kindred ', author: 'Octavia E. Butler' });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe('/books/1');
    expect(created.json).toMatchObject({ id: 1, title: 'Kindred', author: 'Octavia E. Butler', file: null });

    expect(await call('POST', '/books', { title: 'Kindred' })).toMatchObject({ statusCode: 400, json: { fields: ['author'] } });
    expect(await call('POST', '/books', { title: ' ', author: 42 })).toMatchObject({ statusCode: 400, json: { fields: ['title', 'author'] } });
    expect(await call('POST', '/books', [])).toMatchObject({ statusCode: 400, json: { fields: ['title', 'author'] } });
    expect((await rows()).length).toBe(1);
  });

  it('DELETE /books/:id answers 204 for a book, then 404; 404 for ids that cannot exist', async () => {
    await call('POST', '/books', { title: 'Kindred', author: 'Octavia E. Butler' });

    expect(await call('DELETE', '/books/2')).toMatchObject({ statusCode: 404, json: { error: 'no book 2' } });
    expect(await call('DELETE', '/books/abc')).toMatchObject({ statusCode: 404 });
    expect(await call('DELETE', '/books/99999999999')).toMatchObject({ statusCode: 404 });
    const deleted = await call('DELETE', '/books/1');
    expect(deleted.statusCode).toBe(204);
    expect(deleted.json).toBeUndefined();
    expect(await call('DELETE', '/books/1')).toMatchObject({ statusCode: 404 });
    expect(await call('GET', '/books')).toMatchObject({ statusCode: 200, json: [] });
  });
});

describe('the same app as a Google Cloud Function and an Azure Function', () => {
  it('a Cloud Storage upload through createCloudEventFunction becomes a book; a malformed one rejects', async () => {
    const app = createApp({ db, log: (line) => logLines.push(line) });
    const books = createCloudEventFunction(app);
    await books({
      specversion: '1.0', id: 'gcs-1', source: '//storage.googleapis.com/projects/_/buckets/library', type: 'google.cloud.storage.object.v1.finalized',
      subject: 'objects/books/Dune.epub', time: '2024-03-01T08:00:00Z',
      data: { bucket: 'library', name: 'books/Dune.epub', size: '1024', timeCreated: '2024-03-01T08:00:00Z' },
    });
    expect(await rows()).toMatchObject([{ title: 'Dune', bucket: 'library', object_key: 'books/Dune.epub', request_id: 'gcs-1' }]);
    await expect(books({ specversion: '1.0', id: 'gcs-2', source: '//storage.googleapis.com/x', type: 'google.cloud.storage.object.v1.finalized', data: {} }))
      .rejects.toMatchObject({ statusCode: 422, path: '/google.storage' });
  });

  it('an Azure blob upload becomes a book, and the HTTP trigger serves GET /books', async () => {
    const app = createApp({ db, log: (line) => logLines.push(line) });
    const handler = createAzureFunctionHandler(app);
    const blob = new InvocationContext({
      invocationId: 'az-1', functionName: 'uploads', options: { trigger: trigger.storageBlob({ path: 'books/{name}', connection: 'AzureWebJobsStorage' }) },
      triggerMetadata: { blobTrigger: 'books/Emma.pdf', uri: 'https://acct.blob.core.windows.net/books/Emma.pdf', properties: { contentType: 'application/pdf', eTag: '"0x1"', lastModified: '2024-03-01T09:00:00+00:00' } },
    });
    await handler(Buffer.from('%PDF-1.7'), blob);
    const api = new InvocationContext({ functionName: 'api', options: { trigger: trigger.http({ route: '{*path}' }) } });
    const init = await handler(new HttpRequest({ method: 'GET', url: 'https://library.azurewebsites.net/books' }), api);
    expect(init?.status).toBe(200);
    expect(JSON.parse(Buffer.from(init!.body!).toString())).toMatchObject([{ title: 'Emma', file: { bucket: 'books', key: 'Emma.pdf', size: 8, uploadedAt: '2024-03-01T09:00:00.000Z' } }]);
  });
});

describe('POST /google.storage: a Cloud Storage upload pushed by Eventarc through the gateway', () => {
  it('the binary-mode CloudEvent is routed by type to the upload route and stored (201); other types are ignored', async () => {
    const { createEventGateway } = await import('../../src/index.js');
    const { listenOn } = await import('../../src/gateway/gateway.testing.js');
    const app = createApp({ db, log: (line) => logLines.push(line) });
    // As server.mjs: the gateway mounted on the app itself, after its express.json().
    app.post('/_events', createEventGateway(app, { routes: { 'google.cloud.storage.object.v1.*': '/google.storage' } }));
    const served = await listenOn(app);
    try {
      // The shape Eventarc pushes (cloud.google.com/eventarc/docs/cloudevents: StorageObjectData), own values.
      const headers = {
        'ce-specversion': '1.0',
        'ce-id': '7914363402417012',
        'ce-source': '//storage.googleapis.com/projects/_/buckets/library',
        'ce-type': 'google.cloud.storage.object.v1.finalized',
        'ce-subject': 'objects/books/Dune.pdf',
        'ce-time': '2024-05-01T10:00:00.123Z',
        'content-type': 'application/json',
      };
      const object = { bucket: 'library', name: 'books/Dune.pdf', size: '2048', contentType: 'application/pdf', timeCreated: '2024-05-01T10:00:00.100Z' };
      const res = await fetch(`${served.url}/_events`, { method: 'POST', headers, body: JSON.stringify(object) });
      expect(res.status).toBe(201);
      const ignored = await fetch(`${served.url}/_events`, { method: 'POST', headers: { ...headers, 'ce-type': 'google.cloud.storage.object.v1.deleted' }, body: JSON.stringify(object) });
      expect(ignored.status).toBe(200);
      const books = (await (await fetch(`${served.url}/books`)).json()) as Book[];
      expect(books).toMatchObject([{ title: 'Dune', file: { bucket: 'library', key: 'books/Dune.pdf', size: 2048, uploadedAt: '2024-05-01T10:00:00.123Z' } }]);
    } finally {
      await served.close();
    }
  });
});
