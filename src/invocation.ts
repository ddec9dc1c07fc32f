import { AsyncLocalStorage } from 'node:async_hooks';
import type { CloudEvent } from './cloudevents/types.js';
import type { LambdaContext } from './lambda-context.js';

/** The invocation that a request made by this package belongs to. */
export interface Invocation {
  /** The raw invocation event. */
  event: unknown;
  /** The Lambda context (or the handler's equivalent). */
  context: LambdaContext | undefined;
  /** Record mode: the CloudEvent this request carries. */
  cloudEvent?: CloudEvent;
}

// One store per process. `import` and `require` load the same CommonJS build (docs/decisions.md §3), so
// they share this module; it still lives on globalThis under a registered symbol so that two copies of
// the package (two versions, or a bundled copy beside node_modules) agree as well.
const STORE_KEY = Symbol.for('cloud-events-handler.invocation');
const globalStore = globalThis as unknown as Record<symbol, AsyncLocalStorage<Invocation> | undefined>;
const storage: AsyncLocalStorage<Invocation> = (globalStore[STORE_KEY] ??= new AsyncLocalStorage<Invocation>());

/**
 * The invocation behind the current request, inside the app, while it handles a request made by this
 * package; `undefined` elsewhere. Works for Node listener and fetch apps alike.
 *
 * @example
 * app.post('/aws.sqs', (req, res) => {
 *   const { context } = getInvocation() ?? {};
 *   res.json({ requestId: context?.awsRequestId });
 * });
 */
export function getInvocation(): Invocation | undefined {
  return storage.getStore();
}

/** Run `fn` with `invocation` as what {@link getInvocation} returns inside it. */
export function runInInvocation<T>(invocation: Invocation, fn: () => T): T {
  return storage.run(invocation, fn);
}
