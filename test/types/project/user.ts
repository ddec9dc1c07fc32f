// A user's Lambda module, written against the packed package and `@types/aws-lambda`. The packaging test
// (test/package.test.ts) compiles it with tsc, strict, as an ES module and as CommonJS under
// `module: nodenext`, and with `module: commonjs`. Each `@ts-expect-error` line is a misuse that must
// keep failing: tsc reports an unused `@ts-expect-error` as an error.
import type {
  ALBHandler,
  APIGatewayProxyHandlerV2,
  Context,
  DynamoDBStreamHandler,
  EventBridgeHandler,
  Handler,
  KinesisStreamHandler,
  S3Handler,
  SNSHandler,
  SQSEvent,
  SQSHandler,
} from 'aws-lambda';
import { createLambdaHandler, EventDeliveryError, getInvocation, unwrapSnsInSqs } from 'cloud-events-handler';
import type { CloudEvent, LambdaHandler, LambdaResult } from 'cloud-events-handler';
import { handler as envHandler } from 'cloud-events-handler/handler';

const app = (_req: unknown, res: { end(body: string): void }) => res.end('ok');

export const sqs: SQSHandler = createLambdaHandler(app, { mode: 'record' });
export const http: APIGatewayProxyHandlerV2 = createLambdaHandler(app);
export const s3: S3Handler = createLambdaHandler(app);
export const any: Handler = createLambdaHandler(app);
export const sns: SNSHandler = createLambdaHandler(app);
export const bus: EventBridgeHandler<'Book Added', { isbn: string }, void> = createLambdaHandler(app);
export const kinesis: KinesisStreamHandler = createLambdaHandler(app, { mode: 'record' });
export const dynamodb: DynamoDBStreamHandler = createLambdaHandler(app, { mode: 'record' });
export const alb: ALBHandler = createLambdaHandler(app);
export const fromEnv: SQSHandler = envHandler;

declare const context: Context;
declare const event: SQSEvent;

// The package's own structural types accept @types/aws-lambda's.
export const unwrapped: CloudEvent[] = unwrapSnsInSqs(event, context);

export async function direct(): Promise<LambdaResult> {
  const handler: LambdaHandler = createLambdaHandler(app);
  const length: 2 = handler.length as 2;
  void length;
  const requestId: string | undefined = getInvocation()?.context?.awsRequestId;
  void requestId;
  try {
    return await handler(event, context);
  } catch (error) {
    if (error instanceof EventDeliveryError) {
      const status: number = error.statusCode;
      void status;
    }
    throw error;
  }
}

// @ts-expect-error mode is 'event' or 'record'
createLambdaHandler(app, { mode: 'batch' });
// @ts-expect-error the handler takes the event and the context
void createLambdaHandler(app)(event);
// @ts-expect-error a context's awsRequestId is a string
void createLambdaHandler(app)(event, { awsRequestId: 42 });
// @ts-expect-error routes map CloudEvent types to paths (strings)
createLambdaHandler(app, { mode: 'record', routes: { 'com.amazonaws.s3.*': 3 } });
