/**
 * Node's own timer functions, for the package's internals. Test runners fake the globals: Jest's
 * `jest.useFakeTimers()` (and Vitest's `vi.useFakeTimers()`) replace `setTimeout`, `setImmediate`,
 * `process.nextTick`, `queueMicrotask`... on the global object, and a delivery that waits on a faked
 * `process.nextTick` (the in-memory response's `finish`) or `setTimeout` (the deadline) never completes
 * unless the test advances the clock. `node:timers` is a core module, which Jest hands over unfaked, and
 * its functions are not the global properties that fakes replace. The `@sinonjs/fake-timers` that both
 * runners use marks its fakes with a `clock` property.
 */
import { clearTimeout as nodeClearTimeout, setTimeout as nodeSetTimeout } from 'node:timers';

/** `setTimeout` of `node:timers`, whatever a test runner did to the global one. */
export const setTimeout: typeof nodeSetTimeout = nodeSetTimeout;
/** `clearTimeout` of `node:timers`. */
export const clearTimeout: typeof nodeClearTimeout = nodeClearTimeout;

type NextTick = (callback: (...args: never[]) => void, ...args: unknown[]) => void;
const processNextTick = process.nextTick as typeof process.nextTick & { clock?: unknown };
const resolved = Promise.resolve();

/**
 * `process.nextTick` as it was when the package loaded. If fake timers were already installed (a
 * fake has a `clock`), a microtask instead: promises are never faked.
 *
 * @example
 * nextTick((response) => response.emit('finish'), response);
 */
export const nextTick: NextTick =
  processNextTick.clock === undefined
    ? (processNextTick as NextTick)
    : (callback, ...args) => {
        void resolved.then(() => (callback as (...values: unknown[]) => void)(...args));
      };
