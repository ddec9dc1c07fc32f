import { loadEnvConfiguration } from '../handlers/lambda/env.js';
import { UsageError, parse } from './args.js';
import type { CommandIO } from './io.js';

export const SERVE_HELP = `Usage: cloud-events-handler serve --app MODULE[#export] [--port N] [--mode record]

Serve the app behind the HTTP push gateway (createEventGateway): CloudEvents, Pub/Sub push, Event Grid,
SNS HTTP(S) subscriptions and AWS events POSTed to it are delivered to the app.

  --app MODULE[#export]  the app's module (as for invoke)
  --port N               the port (default: PORT, else 8080; 0 for any free port)
  --mode event|record    as createLambdaHandler
  -h, --help             this help
`;

type ServeFunction = (app: unknown, options: { port?: number; mode?: 'event' | 'record' }) => Promise<{ url: string }>;

/**
 * `cloud-events-handler serve`: the app behind the gateway's `serve` (createEventGateway), until SIGTERM.
 *
 * @example
 * await serveCommand(['--app', './app.js', '--port', '0'], io);
 */
export async function serveCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parse(args, { app: { type: 'string' }, port: { type: 'string' }, mode: { type: 'string' } });
  if (values.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  const library = (await import('../index.js')) as Record<string, unknown>;
  const serve = library.serve as ServeFunction | undefined;
  if (typeof serve !== 'function') {
    io.err('cloud-events-handler serve: this build of the package has no serve()\n');
    return 2;
  }
  const appSpec = values.app as string | undefined;
  if (!appSpec) throw new UsageError('--app MODULE is required', '--app');
  const mode = values.mode as string | undefined;
  if (mode !== undefined && mode !== 'event' && mode !== 'record') throw new UsageError(`--mode ${mode}: expected event or record`, '--mode');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(`--port ${String(values.port)}: expected a port number`, '--port');
  let app: unknown;
  try {
    ({ app } = await loadEnvConfiguration({ CLOUD_EVENTS_APP: appSpec, LAMBDA_TASK_ROOT: io.cwd }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^CLOUD_EVENTS_APP=/, '--app '), '--app');
  }
  const options: { port?: number; mode?: 'event' | 'record' } = {};
  if (port !== undefined) options.port = port;
  if (mode !== undefined) options.mode = mode;
  const { url } = await serve(app, options);
  io.err(`cloud-events-handler: gateway listening on ${url}\n`);
  return new Promise<number>(() => {}); // runs until SIGTERM, which the gateway handles
}
