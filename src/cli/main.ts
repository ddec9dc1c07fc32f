/**
 * The CLI's commands and its entry function (the bin, `index.ts`, only runs it). Exit codes: 0 done (for
 * invoke: the event was handled), 1 the event was not handled, 2 a usage error (the message names the flag).
 */
import { UsageError } from './args.js';
import { eventsCommand } from './events.js';
import { palette } from './format.js';
import { invokeCommand } from './invoke.js';
import type { CommandIO } from './io.js';
import { devCommand } from './dev.js';
import { serveCommand } from './serve.js';

type Command = (args: string[], io: CommandIO) => Promise<number>;

/** The commands, in the order the help lists them: adding one is one line. */
const COMMANDS: Record<string, { run: Command; summary: string }> = {
  events: { run: eventsCommand, summary: 'list the sample events, or print one' },
  invoke: { run: invokeCommand, summary: 'run the Lambda handler once on an event, with your app' },
  serve: { run: serveCommand, summary: 'serve the app behind the HTTP push gateway' },
  dev: { run: devCommand, summary: 'serve the development console' },
};

const HELP = `Usage: cloud-events-handler <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(8)}${summary}`)
  .join('\n')}

Run cloud-events-handler <command> --help for a command's options.
`;

/**
 * Run the CLI on `argv` (without node and the script) and resolve with the exit code.
 *
 * @example
 * process.exitCode = await main(['events'], io);
 */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.err(`cloud-events-handler: no command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cloud-events-handler ${name}: ${error.message}\n(see cloud-events-handler ${name} --help)\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * The process's own IO: stdout/stderr, colour on a terminal only, stdin read whole on demand.
 *
 * @example
 * await main(process.argv.slice(2), processIO());
 */
export function processIO(): CommandIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colors: palette(process.stdout, process.env),
    env: process.env,
    cwd: process.cwd(),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

