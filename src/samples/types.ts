/**
 * Overrides of a sample event: its salient fields by name (`bucket`, `key`, `body`, `detail`, ...; each
 * sample lists its own), and for batch sources `records`: how many records, or one object of overrides
 * per record (these win over the top-level ones for their record).
 */
export interface SampleOverrides {
  records?: number | ReadonlyArray<Record<string, unknown>>;
  [field: string]: unknown;
}

/** One sample event: its name (what `cloud-events-handler events` lists), what it is, how it is built. */
export interface SampleDefinition {
  readonly name: string;
  /** One line: what the event is and where it comes from. */
  readonly description: string;
  /** The overrides this sample takes (`records` included for batch sources). */
  readonly overrides: readonly string[];
  /** A fresh event (new ids and timestamps) with the overrides applied; they are already checked. */
  build(overrides: SampleOverrides): unknown;
}

/** Stable codes of {@link SampleError}. */
export type SampleErrorCode = 'UNKNOWN_SAMPLE' | 'UNKNOWN_OVERRIDE' | 'INVALID_OVERRIDE';

/**
 * A sample event was asked for by a name that does not exist, or with an override it does not take.
 * `sample` is the name asked for, `field` the override (if any), `expected` what would have been valid.
 *
 * @example
 * try { sampleEvent('aws.s4'); } catch (error) { if (error instanceof SampleError) console.log(error.code, error.expected); }
 */
export class SampleError extends Error {
  readonly code: SampleErrorCode;
  readonly sample: string;
  readonly field: string | undefined;
  readonly expected: readonly string[];
  constructor(message: string, code: SampleErrorCode, sample: string, field: string | undefined, expected: readonly string[]) {
    super(message);
    this.name = 'SampleError';
    this.code = code;
    this.sample = sample;
    this.field = field;
    this.expected = expected;
  }
}
