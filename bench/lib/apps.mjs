// The app every adapter drives, in two variants. Both answer 200 JSON to POST on every path an adapter's
// SQS routing gives: /aws.sqs (this package) and /sqs (@h4ad/serverless-adapter's default sqsForwardPath,
// and the eventSourceRoutes entry given to @codegenie/serverless-express). Anything else is a 404, so a
// misrouted event cannot pass the check. `probe` records what the app saw, for the check before timing.

/** The paths the app answers on. */
export const SQS_PATHS = ['/aws.sqs', '/sqs'];

const OK_BODY = Buffer.from('{"ok":true}');
const OK_HEADERS = { 'content-type': 'application/json', 'content-length': String(OK_BODY.length) };

export function createProbe() {
  return { requests: 0, lastUrl: undefined, lastBody: undefined };
}

/**
 * A raw node:http listener: reads the whole body as bytes, answers 200 with a small JSON body. It does not
 * parse the JSON (that cost is the app's, the same for every adapter); the check parses what it kept.
 */
export function createRawListener(probe, answeredPaths = SQS_PATHS) {
  const paths = new Set(answeredPaths);
  return function rawListener(req, res) {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      probe.requests++;
      probe.lastUrl = req.url;
      probe.lastBody = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      if (req.method === 'POST' && paths.has(req.url)) {
        res.writeHead(200, OK_HEADERS);
        res.end(OK_BODY);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  };
}

/** An Express 5 app with express.json(), as users write it (defaults kept: etag, x-powered-by). */
export async function createExpressApp(probe) {
  const { default: express } = await import('express');
  const app = express();
  app.use(express.json());
  app.post(SQS_PATHS, (req, res) => {
    probe.requests++;
    probe.lastUrl = req.url;
    probe.lastBody = req.body;
    res.json({ ok: true });
  });
  return app;
}

/** What the app saw as a parsed object, whatever form the variant keeps it in. */
export function seenBody(probe) {
  const body = probe.lastBody;
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return JSON.parse(Buffer.from(body).toString('utf8'));
  if (typeof body === 'string') return JSON.parse(body);
  return body;
}
