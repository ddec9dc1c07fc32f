/**
 * One timer for every pending dispatch, instead of a `setTimeout`/`clearTimeout` pair per request: on
 * Node 20 a timer per request costs 1–2 µs of async-hooks bookkeeping on the per-event path (see
 * docs/benchmarks.md). Requests of one invocation share its deadline, so the timer is armed about once
 * per invocation and usually fires with nothing left to expire.
 *
 * The timer keeps the process alive only while something is pending: an app that never answers must
 * still be timed out (Lambda's runtime does not hold the event loop open for a pending handler), and a
 * script whose requests are done must still exit.
 */
// Node's own timers: Jest's fake timers must not stall the deadline (src/timers.ts).
import { clearTimeout, setTimeout } from '../timers.js';

/** A pending dispatch: what to call if `deadline` (epoch ms) passes first. */
export interface Watched {
  readonly deadline: number;
  readonly expire: () => void;
}

const pending = new Set<Watched>();
let timer: NodeJS.Timeout | undefined;
let armedFor = Infinity;

/**
 * Call `expire` at `deadline` (epoch ms) unless {@link unwatch} is called first.
 *
 * @example
 * const watched = watch(Date.now() + 1000, () => reject(new Error('timed out')));
 * // ... when the answer comes:
 * unwatch(watched);
 */
export function watch(deadline: number, expire: () => void): Watched {
  const watched: Watched = { deadline, expire };
  pending.add(watched);
  if (deadline < armedFor) arm(deadline);
  else if (pending.size === 1) timer?.ref();
  return watched;
}

/** Stop watching: the dispatch settled. */
export function unwatch(watched: Watched): void {
  pending.delete(watched);
  if (pending.size === 0) timer?.unref();
}

function arm(deadline: number): void {
  if (timer !== undefined) clearTimeout(timer);
  armedFor = deadline;
  timer = setTimeout(fire, Math.max(1, deadline - Date.now()));
}

function fire(): void {
  // The timer waited (in real time) until the deadline it was armed for: that deadline has passed even
  // if `Date.now()` says otherwise, as under a test runner's fake clock (Jest's `useFakeTimers()` freezes
  // `Date`, so a hung app would otherwise be re-armed for ever and never time out).
  const now = Math.max(Date.now(), armedFor);
  timer = undefined;
  armedFor = Infinity;
  let next = Infinity;
  for (const watched of pending) {
    if (watched.deadline <= now) {
      pending.delete(watched);
      watched.expire();
    } else if (watched.deadline < next) {
      next = watched.deadline;
    }
  }
  if (next !== Infinity) arm(next);
}
