import { SampleError, findSample, sampleEvent, samples } from '../samples/index.js';
import type { SampleOverrides } from '../samples/index.js';
import { UsageError, parse, parseSets, setPath } from './args.js';
import type { CommandIO } from './io.js';

export const EVENTS_HELP = `Usage: cloud-events-handler events [NAME] [--set field=value ...]

List the sample events (one per source and variant), or print one as JSON.

  NAME               the sample to print (see the list); fresh ids and timestamps each time
  --set field=value  set a field: the sample's own overrides (bucket, key, body, records, ...), else a
                     dotted path into the event (Records.0.awsRegion=eu-west-1). Values are JSON when
                     they parse as JSON (3, true, {"id":1}), else text. Repeatable.
  -h, --help         this help

Examples:
  cloud-events-handler events
  cloud-events-handler events aws.s3.put --set bucket=library --set key=books/dune.pdf
  cloud-events-handler events aws.sqs --set records=3 --set 'body={"id":1}'
`;

/**
 * A sample event built from its name and `--set` pairs: pairs naming one of the sample's overrides
 * are overrides; any other pair is a dotted path set in the built event.
 *
 * @throws UsageError naming NAME or --set.
 * @example
 * buildSample('aws.s3.put', [['key', 'books/a.pdf'], ['Records.0.awsRegion', 'eu-west-1']]);
 */
export function buildSample(name: string, sets: ReadonlyArray<[string, unknown]>): unknown {
  const sample = findSample(name);
  if (sample === undefined) throw new UsageError(`no sample event named "${name}": run "cloud-events-handler events" for the list`, 'NAME');
  const overrides: SampleOverrides = {};
  const paths: Array<[string, unknown]> = [];
  for (const [field, value] of sets) {
    if (sample.overrides.includes(field)) overrides[field] = value;
    else paths.push([field, value]);
  }
  let event: unknown;
  try {
    event = sampleEvent(name, overrides);
  } catch (error) {
    if (error instanceof SampleError) throw new UsageError(`--set: ${error.message}`, '--set');
    throw error;
  }
  for (const [path, value] of paths) {
    // A typo of an override must not pass as a new field: a path must start at a field the event has.
    const top = path.split('.')[0] as string;
    if (typeof event !== 'object' || event === null || !Object.hasOwn(event, top)) {
      throw new UsageError(`--set ${path}: ${name} has no override "${top}" (it takes ${sample.overrides.join(', ')}) and its event no field "${top}"`, '--set');
    }
    event = setPath(event, path, value);
  }
  return event;
}

/**
 * `cloud-events-handler events [NAME] [--set ...]`.
 *
 * @example
 * await eventsCommand(['aws.sqs', '--set', 'records=2'], io); // prints the event, returns 0
 */
export async function eventsCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, { set: { type: 'string', multiple: true } });
  if (values.help) {
    io.out(EVENTS_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`events takes one NAME, got ${positionals.join(' ')}`, 'NAME');
  const sets = parseSets(values.set as string[] | undefined);
  const name = positionals[0];
  if (name === undefined) {
    if (sets.length > 0) throw new UsageError('--set needs a NAME: cloud-events-handler events NAME --set field=value', '--set');
    const width = Math.max(...samples.map((sample) => sample.name.length));
    const c = io.colors;
    io.out(samples.map((sample) => `${c.bold(sample.name.padEnd(width))}  ${sample.description}  ${c.dim(sample.overrides.length > 0 ? `[${sample.overrides.join(' ')}]` : '')}`.trimEnd()).join('\n') + '\n');
    return 0;
  }
  io.out(JSON.stringify(buildSample(name, sets), null, 2) + '\n');
  return 0;
}
