// The Express app that the RIC test deploys: CLOUD_EVENTS_APP=./app.mjs in the test's task root, next to
// node_modules/cloud-events-handler (the package as `npm pack` builds it). It runs inside the RIC's
// process (in one of its worker threads under AWS_LAMBDA_MAX_CONCURRENCY), so it tells the test what it
// received by posting it to the test's probe (RIC_TEST_PROBE) before it answers.
import express from 'express';
import { getInvocation } from 'cloud-events-handler';

const probe = process.env.RIC_TEST_PROBE;

const app = express();
app.use(express.raw({ type: () => true, limit: '1mb' }));

app.use(async (req, res, next) => {
  const invocation = getInvocation();
  const record = {
    method: req.method,
    url: req.originalUrl,
    headers: req.headers,
    bodyBase64: Buffer.isBuffer(req.body) ? req.body.toString('base64') : '',
    invocation: invocation ? { requestId: invocation.context?.awsRequestId, cloudEventId: invocation.cloudEvent?.id } : null,
  };
  await fetch(`${probe}/received`, { method: 'POST', body: JSON.stringify(record) });
  next();
});

// S3 (event mode): the envelope; an object under fail/ is refused.
app.post('/aws.s3', (req, res) => {
  const event = JSON.parse(req.body.toString('utf8'));
  if (event.Records[0].s3.object.key.startsWith('fail/')) res.status(500).type('text').send('storage is down');
  else res.status(204).end();
});

// SQS (record mode): one message per request; a message {"fail": true} is refused.
app.post('/aws.sqs', (req, res) => {
  const message = JSON.parse(req.body.toString('utf8'));
  if (message.fail) res.status(503).type('text').send('not now');
  else res.json({ stored: message.title });
});

// An API Gateway HTTP API request, delivered as the request it carries.
app.post('/books/:id', (req, res) => {
  res.status(201).set('x-book', req.params.id).cookie('seen', req.params.id, { path: '/' });
  res.json({ id: req.params.id, lang: req.query.lang, cookie: req.get('cookie'), title: JSON.parse(req.body.toString('utf8')).title });
});

// EventBridge events of the concurrency test: each waits for the test to release it, then answers with
// what it can see of its own invocation.
app.post('/ric.test', async (req, res) => {
  const { detail } = JSON.parse(req.body.toString('utf8'));
  await fetch(`${probe}/hold/${encodeURIComponent(detail.hold)}`);
  res.json({
    n: detail.n,
    invocationRequestId: getInvocation()?.context?.awsRequestId,
    requestIdHeader: req.get('x-amzn-request-id'),
    traceHeader: req.get('x-amzn-trace-id') ?? null,
  });
});

export default app;
