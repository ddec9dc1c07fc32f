/**
 * The plain fields of the Lambda context object that this package reads. Structurally compatible with
 * `Context` from `@types/aws-lambda`, so a real context or a test's plain object both fit.
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
  [key: string]: unknown;
}
