/**
 * The plain fields of the Lambda context object that this package reads. `Context` from
 * `@types/aws-lambda` satisfies it (no index signature: an interface such as `Context` has none, so one
 * here would reject it), and so does a test's plain object with some of these fields.
 */
export interface LambdaContext {
  awsRequestId?: string;
  functionName?: string;
  functionVersion?: string;
  invokedFunctionArn?: string;
  memoryLimitInMB?: string;
  logGroupName?: string;
  logStreamName?: string;
  getRemainingTimeInMillis?: () => number;
  /** The invocation's X-Ray trace header, where the runtime sets it per invocation (multi-concurrency). */
  xRayTraceId?: string;
}
