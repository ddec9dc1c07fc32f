/**
 * The books app: an ordinary Express 5 app with a small JSON API, plus one route, POST /aws.s3, that
 * receives S3 notifications when a book file is uploaded. Nothing here knows about Lambda: the
 * handler (handler.mjs) delivers each S3 event as an in-process POST /aws.s3 whose body is the event.
 *
 * Plain ESM JavaScript so it runs without a build step; types for the tests are in app.d.mts.
 */
import { fileURLToPath } from 'node:url';
import express from 'express';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS books (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title       text NOT NULL,
  author      text,
  bucket      text,
  object_key  text,
  size        bigint,
  uploaded_at timestamptz,
  request_id  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bucket, object_key)
)`;

const BOOK_COLUMNS = 'id, title, author, bucket, object_key, size, uploaded_at, created_at';
const PLUS = /\+/g;
const EXTENSION = /\.[^./]*$/;
const DIGITS = /^\d{1,10}$/;

/**
 * Open the books database and create its table if absent: an embedded PGlite persisted to `dataDir`
 * when given (`'memory://'`: a fresh in-memory database); else a PostgreSQL server when `url` (default:
 * the `DATABASE_URL` environment variable) is set, through the `pg` package (not a dependency of this
 * repository: `npm install pg` to use it); else PGlite in `BOOKS_DATA_DIR`, or `/tmp/books-data` on
 * Lambda (where only /tmp is writable), or `.data/` beside this file.
 *
 * @example
 * const db = await openDatabase({ dataDir: 'memory://' });
 * const { rows } = await db.query('SELECT count(*)::int AS n FROM books');
 * await db.close();
 */
export async function openDatabase({ url = process.env.DATABASE_URL, dataDir } = {}) {
  const db = dataDir === undefined && url ? await openPostgres(url) : await openPGlite(dataDir ?? defaultDataDir());
  try {
    await db.query(SCHEMA);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function defaultDataDir() {
  if (process.env.BOOKS_DATA_DIR) return process.env.BOOKS_DATA_DIR;
  if (process.env.LAMBDA_TASK_ROOT) return '/tmp/books-data';
  return fileURLToPath(new URL('./.data/', import.meta.url));
}

async function openPGlite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dataDir);
  return {
    description: `PGlite ${dataDir.startsWith('memory://') ? 'in memory' : `in ${dataDir}`}`,
    query: (sql, params) => pglite.query(sql, params),
    close: () => pglite.close(),
  };
}

async function openPostgres(url) {
  let pg;
  try {
    pg = (await import('pg')).default;
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error('DATABASE_URL is set, so the books example needs the "pg" package: run `npm install pg` (or unset DATABASE_URL to use the embedded PGlite)', { cause: error });
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    description: `PostgreSQL at ${hostOf(url)} (DATABASE_URL)`,
    query: (sql, params) => pool.query(sql, params),
    close: () => pool.end(),
  };
}

/** The server of a connection string, never its password. */
function hostOf(url) {
  try {
    return new URL(url).host || 'the default host';
  } catch {
    return 'the configured server';
  }
}

/**
 * The Express app over `db` (what {@link openDatabase} returns). `log` receives one line per stored S3
 * batch and per server error (default `console.log`).
 *
 * @example
 * const app = createApp({ db: await openDatabase() });
 * app.listen(3000); // or: export const handler = createLambdaHandler(app);
 */
export function createApp({ db, log = console.log }) {
  const app = express();
  app.use(express.json());

  app.get('/books', async (req, res) => {
    const { rows } = await db.query(`SELECT ${BOOK_COLUMNS} FROM books ORDER BY id`);
    res.json(rows.map(toBook));
  });

  app.post('/books', async (req, res) => {
    const title = nonEmptyString(req.body?.title);
    const author = nonEmptyString(req.body?.author);
    const missing = [title === undefined && 'title', author === undefined && 'author'].filter(Boolean);
    if (missing.length > 0) {
      res.status(400).json({ error: `missing or empty: ${missing.join(', ')}`, fields: missing });
      return;
    }
    const { rows } = await db.query(`INSERT INTO books (title, author) VALUES ($1, $2) RETURNING ${BOOK_COLUMNS}`, [title, author]);
    const book = toBook(rows[0]);
    res.status(201).location(`/books/${book.id}`).json(book);
  });

  app.delete('/books/:id', async (req, res) => {
    const id = toId(req.params.id);
    const { rows } = id === undefined ? { rows: [] } : await db.query('DELETE FROM books WHERE id = $1 RETURNING id', [id]);
    if (rows.length === 0) {
      res.status(404).json({ error: `no book ${req.params.id}` });
      return;
    }
    res.status(204).end();
  });

  // The S3 notification, delivered as is: { Records: [{ eventName, eventTime, s3: { bucket, object } }] }.
  app.post('/aws.s3', async (req, res) => {
    // The handler passes Lambda's request id as a header; logging it ties this line to the invocation.
    const requestId = req.get('x-amzn-request-id') ?? null;
    const parsed = parseUploads(req.body);
    if (parsed.errors.length > 0) {
      // 422: the event is not one this app can store. The handler turns it into a failed invocation,
      // so S3's retries and then the function's failure destination keep the event.
      res.status(422).json({ requestId, error: 'malformed S3 records', records: parsed.errors });
      return;
    }
    const stored = parsed.uploads.length === 0 ? [] : await storeUploads(db, parsed.uploads, requestId);
    const created = stored.some((row) => row.created);
    log(`[${requestId}] S3: ${stored.length} book file(s) stored (${stored.filter((row) => row.created).length} new), ${parsed.ignored} record(s) ignored`);
    res.status(created ? 201 : 200).json({ requestId, stored: stored.map(toBook), ignored: parsed.ignored });
  });

  // A Cloud Storage upload through Eventarc, pushed to the gateway (server.mjs) as a binary-mode
  // CloudEvent and routed here by type: the body is the StorageObjectData JSON, ce- headers the rest.
  app.post('/google.storage', async (req, res) => {
    const eventId = req.get('ce-id') ?? null;
    if (req.get('ce-type') !== 'google.cloud.storage.object.v1.finalized') {
      res.status(200).json({ eventId, stored: [], ignored: 1 });
      return;
    }
    const upload = toStorageUpload(req.body, req.get('ce-time'));
    if (typeof upload === 'string') {
      // 422: not retryable, so Eventarc (Pub/Sub underneath) keeps redelivering only what may succeed.
      res.status(422).json({ eventId, error: upload });
      return;
    }
    const stored = await storeUploads(db, [upload], eventId);
    log(`[${eventId}] Cloud Storage: ${upload.bucket}/${upload.key} stored${stored[0]?.created ? ' (new)' : ''}`);
    res.status(stored[0]?.created ? 201 : 200).json({ eventId, stored: stored.map(toBook), ignored: 0 });
  });

  app.use((error, req, res, next) => {
    if (res.headersSent) return next(error);
    // body-parser's errors (malformed JSON, too large) carry their status and are safe to show.
    const status = Number.isInteger(error?.status) && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) log(`${req.method} ${req.originalUrl} failed: ${error?.stack ?? error}`);
    res.status(status).json({ error: status < 500 && error?.expose ? error.message : 'Internal Server Error' });
  });

  return app;
}

/**
 * The uploads of an S3 notification: one per ObjectCreated:* record (the latest per object when a batch
 * names one twice); other records are counted as ignored; a record that cannot be read is an error.
 */
function parseUploads(body) {
  const records = body?.Records;
  if (!Array.isArray(records)) return { uploads: [], ignored: 0, errors: [{ index: null, error: 'body has no Records array' }] };
  const byObject = new Map();
  const errors = [];
  let ignored = 0;
  records.forEach((record, index) => {
    if (record?.eventSource !== 'aws:s3' || typeof record.eventName !== 'string') {
      errors.push({ index, error: 'not an S3 event record (eventSource "aws:s3" and eventName expected)' });
      return;
    }
    if (!record.eventName.startsWith('ObjectCreated:')) {
      ignored++;
      return;
    }
    const upload = toUpload(record);
    if (typeof upload === 'string') {
      errors.push({ index, error: upload });
      return;
    }
    const id = `${upload.bucket}/${upload.key}`;
    const previous = byObject.get(id);
    if (previous === undefined || previous.time <= upload.time) byObject.set(id, upload);
  });
  return { uploads: [...byObject.values()], ignored, errors };
}

/** An ObjectCreated record's metadata, or why it cannot be read. */
function toUpload(record) {
  const bucket = record.s3?.bucket?.name;
  const rawKey = record.s3?.object?.key;
  const size = record.s3?.object?.size;
  if (typeof bucket !== 'string' || bucket === '') return 's3.bucket.name is missing';
  if (typeof rawKey !== 'string' || rawKey === '') return 's3.object.key is missing';
  if (!Number.isSafeInteger(size) || size < 0) return 's3.object.size is not a byte count';
  const time = Date.parse(record.eventTime);
  if (Number.isNaN(time)) return 'eventTime is not a date';
  const key = decodeS3Key(rawKey);
  if (key === undefined) return `s3.object.key "${rawKey}" is not valid URL encoding`;
  return { bucket, key, size, time: new Date(time).toISOString(), title: titleOf(key) };
}

/** A Cloud Storage object's metadata (`bucket`, `name`, `size` as a decimal string), or why it cannot be read. */
function toStorageUpload(object, eventTime) {
  const bucket = object?.bucket;
  const key = object?.name;
  const size = Number(object?.size);
  if (typeof bucket !== 'string' || bucket === '') return 'bucket is missing';
  if (typeof key !== 'string' || key === '') return 'name is missing';
  if (!Number.isSafeInteger(size) || size < 0) return 'size is not a byte count';
  const time = Date.parse(eventTime ?? object.timeCreated);
  if (Number.isNaN(time)) return 'the event has no time';
  return { bucket, key, size, time: new Date(time).toISOString(), title: titleOf(key) };
}

/**
 * S3 notifications URL-encode object keys as HTML forms do: a space is `+` (a literal `+` is `%2B`),
 * so `+` becomes a space first, then the percent escapes are decoded.
 */
function decodeS3Key(key) {
  try {
    return decodeURIComponent(key.replace(PLUS, ' '));
  } catch {
    return undefined;
  }
}

/** `books/The Left Hand of Darkness.pdf` -> `The Left Hand of Darkness`. */
function titleOf(key) {
  const name = key.slice(key.lastIndexOf('/') + 1).replace(EXTENSION, '').trim();
  return name || key;
}

/**
 * Insert or refresh the uploads in one statement (so a batch is stored whole or not at all). S3
 * delivers at least once and not always in order: a redelivery updates the row in place, and an older
 * event never overwrites a newer one's metadata. `xmax = 0` tells a row inserted from one updated.
 */
async function storeUploads(db, uploads, requestId) {
  const params = [];
  const values = uploads.map((upload) => {
    const at = params.push(upload.title, upload.bucket, upload.key, upload.size, upload.time, requestId);
    return `($${at - 5}, $${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at})`;
  });
  const { rows } = await db.query(
    `INSERT INTO books (title, bucket, object_key, size, uploaded_at, request_id)
     VALUES ${values.join(', ')}
     ON CONFLICT (bucket, object_key) DO UPDATE
       SET size = excluded.size, uploaded_at = excluded.uploaded_at, request_id = excluded.request_id
       WHERE excluded.uploaded_at >= books.uploaded_at
     RETURNING ${BOOK_COLUMNS}, (xmax = 0) AS created`,
    params,
  );
  return rows;
}

/** A database row as the API shows it. `pg` returns bigint as a string, PGlite as a number. */
function toBook(row) {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    file: row.object_key === null ? null : { bucket: row.bucket, key: row.object_key, size: Number(row.size), uploadedAt: toIso(row.uploaded_at) },
    createdAt: toIso(row.created_at),
  };
}

function toIso(value) {
  return value instanceof Date ? value.toISOString() : value === null ? null : new Date(value).toISOString();
}

function nonEmptyString(value) {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function toId(text) {
  const id = DIGITS.test(text) ? Number(text) : NaN;
  return id >= 1 && id <= 2_147_483_647 ? id : undefined;
}
