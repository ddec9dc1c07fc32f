import { callerSamples } from './aws-callers.js';
import { httpSamples } from './aws-http.js';
import { messagingSamples } from './aws-messaging.js';
import { storageSamples } from './aws-storage.js';
import { streamSamples } from './aws-streams.js';
import { otherSamples } from './others.js';
import { SampleError } from './types.js';
import type { SampleDefinition, SampleOverrides } from './types.js';

/**
 * Every sample, in the order `cloud-events-handler events` lists them: AWS's asynchronous and polling
 * sources, then HTTP events, then callers that wait for an answer, then Google, Azure and CloudEvents.
 */
export const samples: readonly SampleDefinition[] = [
  ...storageSamples.slice(0, 2),
  ...messagingSamples,
  ...streamSamples.slice(0, 1),
  ...storageSamples.slice(2),
  ...streamSamples.slice(1),
  ...httpSamples,
  ...callerSamples,
  ...otherSamples,
];

const byName = new Map(samples.map((sample) => [sample.name, sample]));

/**
 * The sample of that name, else undefined.
 *
 * @example
 * findSample('aws.sqs')?.description; // 'SQS standard queue: a batch of messages'
 */
export function findSample(name: string): SampleDefinition | undefined {
  return byName.get(name);
}

/**
 * A fresh sample event (new ids and timestamps on every call) of one source and variant, with its
 * salient fields overridden. The names are those of {@link samples} (`cloud-events-handler events`).
 *
 * @throws SampleError `UNKNOWN_SAMPLE` for a name that does not exist, `UNKNOWN_OVERRIDE` for an
 * override the sample does not take (both list what would be valid), `INVALID_OVERRIDE` for a value of
 * the wrong kind.
 * @example
 * sampleEvent('aws.s3.put', { bucket: 'library', key: 'books/dune.pdf' });
 * sampleEvent('aws.sqs', { records: [{ body: { id: 1 } }, { body: { id: 2 } }] });
 */
export function sampleEvent(name: string, overrides: SampleOverrides = {}): unknown {
  const sample = byName.get(name);
  if (sample === undefined) {
    const names = samples.map((s) => s.name);
    throw new SampleError(`no sample event named "${name}": the samples are ${names.join(', ')}`, 'UNKNOWN_SAMPLE', name, undefined, names);
  }
  for (const field of Object.keys(overrides)) {
    if (!sample.overrides.includes(field)) {
      throw new SampleError(`sample ${name} has no override "${field}": it takes ${sample.overrides.join(', ') || 'none'}`, 'UNKNOWN_OVERRIDE', name, field, sample.overrides);
    }
  }
  try {
    return sample.build(overrides);
  } catch (error) {
    // The helpers do not know which sample they build: say it here.
    if (error instanceof SampleError && error.sample === '') throw new SampleError(`sample ${name}: ${error.message}`, error.code, name, error.field, error.expected);
    throw error;
  }
}

export { SampleError } from './types.js';
export type { SampleDefinition, SampleErrorCode, SampleOverrides } from './types.js';
