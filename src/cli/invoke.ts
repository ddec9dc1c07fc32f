import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadEnvConfiguration } from '../handlers/lambda/env.js';
import { invoke } from '../testing/index.js';
import type { InvokeOptions } from '../testing/index.js';
import { UsageError, parse, parseSets, setPath } from './args.js';
import { buildSample } from './events.js';
import type { CommandIO } from './io.js';
import { printRun, runAsJson } from './report.js';
import { isTypeScript, rerunWithTypeStripping, typeScriptSupport, typeScriptUnsupportedMessage } from './typescript.js';
import { verdict } from './verdict.js';

export const INVOKE_HELP = `Usage: cloud-events-handler invoke --app MODULE[#export] (NAME | --event FILE | -) [options]

Run the Lambda handler once on an event, with your app, in this process: prints every request the app
received, its answer, and the Lambda result. Exit 0 when the event's caller would count it handled, 1
when not (the handler failed, a batch item failed, the caller gets a 4xx/5xx), 2 on a usage error.

  --app MODULE[#export]  the app's module, as CLOUD_EVENTS_APP: relative to the working directory;
                         default export, else the export named app. .ts files need Node 22.6+.
  NAME                   a sample event (cloud-events-handler events lists them)
  --event FILE           the event from a JSON file
  -                      the event from standard input
  --set field=value      a sample override or a dotted path into the event (repeatable)
  --mode event|record    one request per invocation (default) or one CloudEvent request per record
  --timeout MS           the function's time limit (default 3000, as Lambda's)
  --json                 print the invoke() result as JSON (bodies as text, or base64 when binary)
  -h, --help             this help

Examples:
  cloud-events-handler invoke --app ./app.js aws.s3.put --set key=books/dune.pdf
  cloud-events-handler invoke --app ./dist/server.js#app aws.sqs --set records=3 --mode record
  cloud-events-handler events aws.sns > sns.json && cloud-events-handler invoke --app ./app.js --event sns.json
`;

async function readEvent(source: string, read: () => Promise<string>): Promise<unknown> {
  const flag = source === '-' ? '-' : '--event';
  let text: string;
  try {
    text = await read();
  } catch (error) {
    throw new UsageError(`${flag} ${source}: cannot read it: ${(error as Error).message}`, flag);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${source === '-' ? '(standard input)' : source}: not JSON: ${(error as Error).message}`, flag);
  }
}

/**
 * `cloud-events-handler invoke`: load the app, build or read the event, run it, print the outcome.
 *
 * @example
 * const code = await invokeCommand(['--app', './app.js', 'aws.sqs', '--json'], io); // 0, 1 or 2
 */
export async function invokeCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, {
    app: { type: 'string' },
    event: { type: 'string' },
    mode: { type: 'string' },
    set: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(INVOKE_HELP);
    return 0;
  }
  const appSpec = values.app as string | undefined;
  if (appSpec === undefined || appSpec === '') throw new UsageError('--app MODULE is required: the module of your app, e.g. --app ./app.js or --app ./dist/server.js#app', '--app');
  const file = values.event as string | undefined;
  const sources = [...positionals, ...(file === undefined ? [] : [`--event ${file}`])];
  if (sources.length !== 1) {
    throw new UsageError(sources.length === 0 ? 'no event: give a sample NAME, --event FILE, or - for standard input' : `one event only, got: ${sources.join(', ')}`, positionals.length > 1 ? 'NAME' : '--event');
  }
  const mode = (values.mode as string | undefined) ?? 'event';
  if (mode !== 'event' && mode !== 'record') throw new UsageError(`--mode ${mode}: expected event or record`, '--mode');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`--timeout ${String(values.timeout)}: expected a number of milliseconds`, '--timeout');
  const sets = parseSets(values.set as string[] | undefined);

  if (isTypeScript(appSpec)) {
    const support = typeScriptSupport();
    if (support === 'none') throw new UsageError(typeScriptUnsupportedMessage(appSpec), '--app');
    if (support === 'flag') return rerunWithTypeStripping();
  }

  let event: unknown;
  if (file !== undefined) event = await readEvent(file, () => readFile(resolve(io.cwd, file), 'utf8'));
  else if (positionals[0] === '-') event = await readEvent('-', io.readStdin);
  else event = buildSample(positionals[0] as string, sets);
  if (file !== undefined || positionals[0] === '-') for (const [path, value] of sets) event = setPath(event, path, value);

  let app: unknown;
  try {
    ({ app } = await loadEnvConfiguration({ CLOUD_EVENTS_APP: appSpec, LAMBDA_TASK_ROOT: io.cwd }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^CLOUD_EVENTS_APP=/, '--app '), '--app');
  }
  const options: InvokeOptions = { mode };
  if (timeout !== undefined) options.timeoutMs = timeout;
  let run;
  try {
    run = await invoke(app, event, options);
  } catch (error) {
    // Not something the package can drive: the module exports the wrong thing.
    throw new UsageError(`--app ${appSpec}: ${(error as Error).message}`, '--app');
  }
  const outcome = verdict(run);
  if (values.json) io.out(JSON.stringify(runAsJson(run, outcome), null, 2) + '\n');
  else printRun(run, outcome, io);
  return outcome.handled ? 0 : 1;
}
