import { STATUS_CODES } from 'node:http';
import type { InvokeResult } from '../testing/index.js';
import { encodeBody, excerpt, keyHeaders } from './format.js';
import type { CommandIO } from './io.js';
import type { Verdict } from './verdict.js';

const REQUEST_HEADERS = ['content-type', 'ce-type', 'ce-source', 'ce-id', 'ce-subject', 'x-amzn-request-id'];
const RESPONSE_HEADERS = ['content-type', 'location', 'retry-after'];

/** An error as plain JSON: its name, message and the data typed errors carry. */
function errorAsJson(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: error.message };
  for (const key of ['code', 'statusCode', 'body', 'path', 'failures'] as const) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * `invoke()`'s result as JSON (`--json`): bodies as text, or base64 with `isBase64Encoded`; errors as
 * `{ name, message, code, statusCode, body, path }`; plus `handled` and its `reason`.
 *
 * @example
 * JSON.stringify(runAsJson(run, verdict(run)));
 */
export function runAsJson(run: InvokeResult, outcome: Verdict): Record<string, unknown> {
  return {
    handled: outcome.handled,
    reason: outcome.reason,
    result: run.result,
    error: run.error === undefined ? undefined : errorAsJson(run.error),
    deliveries: run.deliveries.map(({ request, response, error }) => ({
      request: { method: request.method, path: request.path, headers: request.headers, ...encodeBody(request.body) },
      response: response === undefined ? undefined : { statusCode: response.statusCode, headers: response.headers, ...encodeBody(response.body) },
      error: error === undefined ? undefined : errorAsJson(error),
    })),
    callbacks: run.callbacks,
  };
}

/**
 * Print an invocation for a person: each request (method, path, key headers, body excerpt), its answer
 * (status, key headers, body excerpt) or error, then the result or error and the verdict.
 *
 * @example
 * printRun(await invoke(app, event), verdict(run), io);
 */
export function printRun(run: InvokeResult, outcome: Verdict, io: CommandIO): void {
  const c = io.colors;
  const lines: string[] = [];
  const indent = (text: string) => `    ${text}`;
  run.deliveries.forEach(({ request, response, error }, index) => {
    const number = run.deliveries.length > 1 ? c.dim(`#${index + 1} `) : '';
    lines.push(`${number}${c.bold(`${request.method} ${request.path}`)}`);
    lines.push(...keyHeaders(request.headers, REQUEST_HEADERS).map((line) => indent(c.dim(line))));
    const sent = excerpt(request.body);
    if (sent) lines.push(indent(sent));
    if (response !== undefined) {
      const status = `${response.statusCode} ${STATUS_CODES[response.statusCode] ?? ''}`.trim();
      const colour = response.statusCode < 300 ? c.green : response.statusCode < 400 ? c.yellow : c.red;
      lines.push(`  ${colour('←')} ${colour(status)}`);
      lines.push(...keyHeaders(response.headers, RESPONSE_HEADERS).map((line) => indent(c.dim(line))));
      const answered = excerpt(response.body);
      if (answered) lines.push(indent(answered));
    } else if (error !== undefined) {
      lines.push(`  ${c.red('✗')} ${c.red(error.message)}`);
    }
  });
  if (run.deliveries.length === 0) lines.push(c.dim('(the app received no request)'));
  for (const callback of run.callbacks) lines.push(`${c.cyan('callback')} ${callback.method} ${callback.url.replace(/\?.*$/, '')}`, indent(callback.body));
  lines.push('');
  if (run.error !== undefined) {
    const code = (run.error as { code?: unknown }).code;
    lines.push(`${c.red('error')} ${run.error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${run.error.message}`);
  } else {
    lines.push(`${c.bold('result')} ${JSON.stringify(run.result, null, 2)}`);
  }
  lines.push(outcome.handled ? c.green(`handled: ${outcome.reason}`) : c.red(`not handled: ${outcome.reason}`));
  io.out(lines.join('\n') + '\n');
}
