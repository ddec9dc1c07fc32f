import { DEADLINE_PASSED, pastDeadline } from './deliver.js';
import type { Outcome, RecordOrder } from './types.js';

const EMPTY_RESPONSE = { statusCode: 200, headers: {}, body: Buffer.alloc(0) };
/** An accepted record whose answer is not needed: a 10,000-record batch holds no 10,000 bodies. */
const ACCEPTED: Outcome = { kind: 'accepted', response: EMPTY_RESPONSE };
const HELD_BACK: Outcome = { kind: 'notSent', reason: 'not delivered: an earlier record failed', heldBack: true };
const GROUP_HELD_BACK: Outcome = { kind: 'notSent', reason: 'not delivered: an earlier record of its message group failed', heldBack: true };

/**
 * Deliver records `0..count-1` under `order` and return one outcome per record, in record order (every
 * index set: a record never started is an outcome too, not a hole). Records held back after a failure
 * are `notSent`, and so is every record not started by `deadline` (epoch ms): from then on `deliverAt`
 * is not called (no request is even built), so that a 10,000-record batch answers before Lambda's
 * deadline instead of timing its records out one after another. With `keepResponses` false, accepted
 * records keep no response (only the outcome).
 *
 * @example
 * const outcomes = await runRecords(3, { kind: 'ordered' }, (i) => deliver(...), false, deadline);
 */
export async function runRecords(
  count: number,
  order: RecordOrder,
  deliverAt: (index: number) => Promise<Outcome>,
  keepResponses: boolean,
  deadline: number,
): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(count);
  if (order.kind === 'ordered') {
    await inOrder(0, count, (i) => i, deliverAt, outcomes, keepResponses, HELD_BACK, deadline);
    return outcomes;
  }
  if (order.kind === 'concurrent') {
    let next = 0;
    await workers(Math.min(order.limit, count), async () => {
      while (next < count) {
        const index = next++;
        const outcome = pastDeadline(deadline) ? DEADLINE_PASSED : await deliverAt(index);
        outcomes[index] = keepResponses || outcome.kind !== 'accepted' ? outcome : ACCEPTED;
      }
    });
    return outcomes;
  }
  const groups = groupIndexes(count, order.groupOf);
  let next = 0;
  await workers(Math.min(order.limit, groups.length), async () => {
    while (next < groups.length) {
      const members = groups[next++] as number[];
      await inOrder(0, members.length, (i) => members[i] as number, deliverAt, outcomes, keepResponses, GROUP_HELD_BACK, deadline);
    }
  });
  return outcomes;
}

/**
 * Records `at(from..to-1)` one after another; after the first failure the rest are `heldBack`; from
 * `deadline` on, the rest are {@link DEADLINE_PASSED}.
 */
async function inOrder(
  from: number,
  to: number,
  at: (position: number) => number,
  deliverAt: (index: number) => Promise<Outcome>,
  outcomes: Outcome[],
  keepResponses: boolean,
  heldBack: Outcome,
  deadline: number,
): Promise<void> {
  for (let position = from; position < to; position++) {
    if (pastDeadline(deadline)) {
      for (let rest = position; rest < to; rest++) outcomes[at(rest)] = DEADLINE_PASSED;
      return;
    }
    const index = at(position);
    const outcome = await deliverAt(index);
    outcomes[index] = keepResponses || outcome.kind !== 'accepted' ? outcome : ACCEPTED;
    if (outcome.kind !== 'accepted') {
      for (let rest = position + 1; rest < to; rest++) outcomes[at(rest)] = heldBack;
      return;
    }
  }
}

/** Record indexes by group, groups in order of first appearance; records without a group share one. */
function groupIndexes(count: number, groupOf: (index: number) => string | undefined): number[][] {
  const byGroup = new Map<string | undefined, number[]>();
  for (let index = 0; index < count; index++) {
    const group = groupOf(index);
    const members = byGroup.get(group);
    if (members === undefined) byGroup.set(group, [index]);
    else members.push(index);
  }
  return [...byGroup.values()];
}

function workers(count: number, work: () => Promise<void>): Promise<unknown> {
  const running: Promise<void>[] = [];
  for (let i = 0; i < count; i++) running.push(work());
  return Promise.all(running);
}
