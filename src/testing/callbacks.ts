import type { InvokedCallback } from './types.js';

// A CloudFormation custom resource is answered by a PUT to its pre-signed ResponseURL, not by the Lambda
// result. Under `invoke` that PUT is captured, not sent: a test must not reach S3, and a sample's URL
// leads nowhere. The capture is by exact URL, so other fetches of the process (the app's own, another
// invoke's) are untouched; the global fetch is restored once no capture is pending.

type Fetch = typeof globalThis.fetch;

const captures = new Map<string, InvokedCallback[]>();
let original: Fetch | undefined;

function requestUrl(input: Parameters<Fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

const capturingFetch: Fetch = async (input, init) => {
  const sink = captures.get(requestUrl(input));
  if (sink === undefined) return (original as Fetch)(input, init);
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
  const body = init?.body === undefined || init.body === null ? '' : await new Response(init.body).text();
  sink.push({ method: init?.method ?? 'GET', url: requestUrl(input), headers, body });
  return new Response(null, { status: 200 });
};

/**
 * Capture the requests to `url` made through the global `fetch` until `release()`.
 *
 * @example
 * const capture = captureCallbacks(event.ResponseURL);
 * try { await handler(event, context); } finally { capture.release(); }
 * capture.callbacks; // [{ method: 'PUT', url, headers, body }]
 */
export function captureCallbacks(url: string): { callbacks: InvokedCallback[]; release(): void } {
  const callbacks: InvokedCallback[] = [];
  if (captures.has(url)) return { callbacks, release() {} };
  captures.set(url, callbacks);
  if (original === undefined) {
    original = globalThis.fetch;
    globalThis.fetch = capturingFetch;
  }
  return {
    callbacks,
    release() {
      captures.delete(url);
      if (captures.size === 0 && original !== undefined) {
        // Someone may have replaced fetch meanwhile (a test's own mock): leave theirs in place.
        if (globalThis.fetch === capturingFetch) globalThis.fetch = original;
        original = undefined;
      }
    },
  };
}
