import { buildCloudEvent, convertSafely, invocationId } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, isObject, textField } from '../../convert/values.js';
import { encodeSegment, safeRoute } from '../../path.js';
import type { JsonSource } from '../../types.js';

/**
 * A Step Functions task input in the shape this package recognises: the state's input next to the
 * execution's Context object, as a Task state passes them with
 * `"Payload": { "input.$": "$", "context.$": "$$" }` (JSONPath) or
 * `"Payload": { "input": "{% $states.input %}", "context": "{% $states.context %}" }` (JSONata).
 * A task input has no fixed shape of its own; this wrapping is the marker.
 */
export interface StepFunctionsTaskEvent {
  input?: unknown;
  context: {
    Execution: { Id: string; Name?: string; StartTime?: string; RoleArn?: string; Input?: unknown };
    State?: { Name?: string; EnteredTime?: string; RetryCount?: number };
    StateMachine: { Id?: string; Name?: string };
    Task?: { Token?: string };
  };
}

/**
 * Step Functions task (wrapped as above): a string `context.Execution.Id` with a
 * `context.StateMachine` object, the Context object's own members. A bare task input (whatever the
 * state machine passes) cannot be told apart from a direct invocation and is not recognised.
 *
 * @example
 * isStepFunctionsTaskEvent({ input: {}, context: { Execution: { Id: 'arn:aws:states:...' }, StateMachine: {} } }); // true
 */
export function isStepFunctionsTaskEvent(event: unknown): event is StepFunctionsTaskEvent {
  if (typeof event !== 'object' || event === null) return false;
  const context = (event as Record<string, unknown>).context;
  if (typeof context !== 'object' || context === null) return false;
  const { Execution: execution, StateMachine: stateMachine } = context as Record<string, unknown>;
  return isObject(execution) && typeof execution.Id === 'string' && isObject(stateMachine);
}

/**
 * `/aws.states/` + the task state's name (`context.State.Name`) as one safe segment (see `safeRoute`),
 * so each Task state can have its own route; `/aws.states` without a usable name.
 *
 * @example
 * stepFunctionsRoute({ context: { Execution: { Id: 'x' }, StateMachine: {}, State: { Name: 'Charge card' } } }); // '/aws.states/Charge%20card'
 */
export function stepFunctionsRoute(event: StepFunctionsTaskEvent): string {
  const name = textField(field(field(event, 'context'), 'State'), 'Name');
  return safeRoute('/aws.states', name);
}

/**
 * Step Functions task: one CloudEvent. id the request id (a retried state is a new invocation);
 * source `context.StateMachine.Id` (`aws:states`); type `com.amazonaws.states.task`; subject the state
 * name; time `context.State.EnteredTime`; data the event. Path `/aws.states/<state name>`; delivery
 * `sync`: the app's JSON body is the task's output, and a non-2xx answer fails the task with the app's
 * error text (the state's `Retry` and `Catch` apply).
 *
 * @example
 * stepFunctionsSource.toCloudEvents(event)[0].type; // 'com.amazonaws.states.task'
 */
export const stepFunctionsSource: JsonSource<StepFunctionsTaskEvent> = {
  name: 'aws.states',
  detect: isStepFunctionsTaskEvent,
  route: stepFunctionsRoute,
  toCloudEvents: (event, context) =>
    convertSafely(event, context, () => {
      const sfn = field(event, 'context');
      const machine = textField(field(sfn, 'StateMachine'), 'Id');
      const state = field(sfn, 'State');
      return [
        buildCloudEvent(
          {
            id: invocationId(context),
            source: machine === undefined ? 'aws:states' : encodeSegment(machine),
            type: 'com.amazonaws.states.task',
            subject: textField(state, 'Name'),
            time: toRfc3339(field(state, 'EnteredTime')),
          },
          jsonPayload(event),
        ),
      ];
    }),
  answer: 'json',
};
