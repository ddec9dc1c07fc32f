/**
 * Which guards `findSource` needs to run. Every guard reads a member or two of the event, so an event
 * without any of a source's members cannot be that source's: `findSource` skips the guard after one
 * `in` check. Today's recognition order is kept exactly (the first accepting source in registry order
 * still wins); only guards that would say no are not called. On a cold start that matters: each guard
 * called is a function V8 compiles on its first call (an HTTP event used to run ~36 guards before its
 * own, about 0.5 ms of a cold start); warm, an `in` check costs what a guard's first property read does.
 */

/**
 * By source name: top-level members at least one of which every event the source's guard accepts has
 * (`key in event`). Each entry restates its guard's own first condition (`src/sources/.../index.ts`);
 * `guard-keys.test.ts` checks every one against every fixture and against events missing the members.
 * A source not listed (a new one, or a guard that accepts arrays: AppSync batch resolvers, Event Grid)
 * has its guard run on every event, as before: leaving a source out is always correct, only slower.
 */
export const GUARD_KEYS: Readonly<Record<string, readonly string[]>> = {
  cloudevents: ['specversion'],
  'aws.events': ['detail-type'],
  'aws.iotevents': ['event'],
  'aws.s3': ['Records'],
  'aws.codecommit': ['Records'],
  'aws.dynamodb': ['Records'],
  'aws.ec2': ['source'],
  'aws.kinesis': ['Records'],
  'aws.sns': ['Records'],
  'aws.sqs': ['Records'],
  'aws.ses': ['Records'],
  'aws.lex': ['currentIntent'],
  'aws.lexv2': ['interpretations'],
  'aws.kinesis.firehose': ['deliveryStreamArn', 'records'],
  'aws.cognito': ['identityPoolId'],
  'aws.cognito-idp': ['triggerSource'],
  'aws.config': ['configRuleId'],
  'aws.cloudfront': ['Records'],
  'aws.cloudformation': ['LogicalResourceId'],
  'aws.alexa': ['payload', 'directive'],
  'aws.alexa.skills': ['request'],
  'aws.logs': ['awslogs'],
  'aws.kafka': ['eventSource'],
  'aws.mq': ['eventSource'],
  'aws.rmq': ['eventSource'],
  'aws.codepipeline': ['CodePipeline.job'],
  'aws.iot.button': ['clickType'],
  'aws.iot1click': ['deviceEvent'],
  'aws.iot.provisioning': ['claimCertificateId'],
  'aws.iot.authorizer': ['protocolData'],
  'aws.appsync.authorizer': ['authorizationToken'],
  'aws.secretsmanager': ['ClientRequestToken'],
  'aws.s3.batch': ['invocationSchemaVersion'],
  'aws.states': ['context'],
  'aws.apigateway.authorizer': ['methodArn', 'routeArn'],
  'aws.bedrock-agent': ['actionGroup'],
  'aws.connect': ['Details'],
  'aws.lambda.url': ['requestContext'],
  'aws.apigateway.http': ['requestContext'],
  'aws.apigateway': ['httpMethod'],
  'aws.elb': ['requestContext'],
  'aws.vpclattice': ['requestContext', 'raw_path'],
  'google.pubsub': ['subscription'],
  'google.functions': ['data'],
};

/**
 * The guard keys of each source, in the sources' order (`undefined`: always run its guard).
 *
 * @example
 * guardKeysOf([sqsSource, eventGridSource]); // [['Records'], undefined]
 */
export function guardKeysOf(sources: ReadonlyArray<{ readonly name: string }>): ReadonlyArray<readonly string[] | undefined> {
  return sources.map((source) => (Object.hasOwn(GUARD_KEYS, source.name) ? GUARD_KEYS[source.name] : undefined));
}

/**
 * True when `event` has one of `keys` (own or inherited, as the guard's property read would find it),
 * or when there are no keys to check.
 *
 * @example
 * mayMatch({ Records: [] }, ['Records']); // true
 * mayMatch({ detail: {} }, ['Records']);  // false
 */
export function mayMatch(event: object, keys: readonly string[] | undefined): boolean {
  if (keys === undefined) return true;
  for (let index = 0; index < keys.length; index++) if ((keys[index] as string) in event) return true;
  return false;
}
