import { join, resolve } from 'node:path';
import { createAppReloader } from '../console/reload.js';
import { sendAsPush } from '../console/gateway-send.js';
import { isPageDir } from '../console/page-files.js';
import { startConsole } from '../console/server.js';
import { UsageError, parse } from './args.js';
import type { CommandIO } from './io.js';
import { isTypeScript, rerunWithTypeStripping, typeScriptSupport, typeScriptUnsupportedMessage } from './typescript.js';

export const DEV_HELP = `Usage: cloud-events-handler dev --app MODULE[#export] [--port N] [--host H]

Serve the development console: a local web page to pick or edit an event, send it to the app (as a
Lambda invocation, event or record mode), and see every request the app received, its answer and the
result. The app is reloaded when its files change.

  --app MODULE[#export]  the app's module (as for invoke)
  --port N               the port (default 8787; 0 for any free port)
  --host H               the address to listen on (default 127.0.0.1; the page refuses other sites)
  --no-watch             do not reload the app when its files change
  -h, --help             this help

Open the URL it prints (it carries this run's token). Stop it with Ctrl+C.
`;

/**
 * Where the page's files are: dist/ beside the built CLI (console.html.br, .css.br, .js.br, brotli-compressed;
 * no folder of their own, a directory entry costs 4 KB of the installed size), else src/console/page in a
 * checkout.
 */
function pageDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [here, join(here, '../console/page'), resolve('src/console/page')];
  const found = candidates.find(isPageDir);
  if (found === undefined) throw new Error(`the console's page is missing (looked in ${candidates.join(', ')}): reinstall cloud-events-handler`);
  return found;
}

/**
 * `cloud-events-handler dev`: serve the development console until SIGINT or SIGTERM, then exit 0. A
 * port in use is a usage error naming `--port`; an app that fails to load is shown on the page.
 *
 * @example
 * await devCommand(['--app', './app.js', '--port', '0'], io);
 */
export async function devCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parse(args, { app: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'no-watch': { type: 'boolean' } });
  if (values.help) {
    io.out(DEV_HELP);
    return 0;
  }
  const spec = values.app as string | undefined;
  if (spec === undefined || spec === '') throw new UsageError('--app MODULE is required: the module of your app, e.g. --app ./app.js', '--app');
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(`--port ${String(values.port)}: expected a port number (0 for any)`, '--port');
  if (isTypeScript(spec)) {
    const support = typeScriptSupport();
    if (support === 'none') throw new UsageError(typeScriptUnsupportedMessage(spec), '--app');
    if (support === 'flag') return rerunWithTypeStripping();
  }
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  let running;
  try {
    running = await startConsole({
      reloader: createAppReloader(spec, io.cwd),
      spec,
      cwd: io.cwd,
      pageDir: pageDir(),
      host,
      port,
      watch: values['no-watch'] !== true,
      gateway: sendAsPush,
      onStatus: (status) => {
        if (status.state === 'failed') io.err(`cloud-events-handler dev: the app failed to load: ${status.error?.message ?? ''}\n`);
        else if (status.generation > 1) io.err(`cloud-events-handler dev: app reloaded (${status.file ?? spec})\n`);
      },
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`--port ${port}: ${code === 'EADDRINUSE' ? 'in use' : 'not allowed'} (try --port 0)`, '--port');
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`--host ${host}: not an address of this machine`, '--host');
    throw error;
  }
  await running.settled();
  io.err('cloud-events-handler dev: the development console is at this URL (Ctrl+C to stop):\n');
  io.out(`${running.url}\n`);
  return new Promise<number>((done) => {
    const stop = (): void => void running.close().then(() => done(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
