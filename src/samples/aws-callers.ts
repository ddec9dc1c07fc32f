import { ACCOUNT, REGION, hex, obj, str, uuid } from './build.js';
import type { SampleDefinition, SampleOverrides } from './types.js';

// Callers that wait for an answer in their own shape: Cognito user pool triggers and CloudFormation
// custom resources, after AWS's own samples (test/fixtures/aws-lambda-go/cognito-event-userpools-*.json,
// aws-sam-cli/cloudformation/CfnCreateRequest.json).

function cognitoEvent(overrides: SampleOverrides, triggerSource: string, request: Record<string, unknown>, response: Record<string, unknown>): unknown {
  const userPoolId = str(overrides, 'userPoolId', `${REGION}_${hex(5)}`);
  return {
    version: '1',
    triggerSource,
    region: userPoolId.split('_')[0] ?? REGION,
    userPoolId,
    userName: str(overrides, 'userName', uuid()),
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: str(overrides, 'clientId', hex(13)) },
    request: {
      userAttributes: obj(overrides, 'userAttributes', { email: 'jane@example.com', email_verified: 'true' }),
      ...request,
      clientMetadata: obj(overrides, 'clientMetadata', {}),
    },
    response,
  };
}

function cloudFormationEvent(overrides: SampleOverrides, requestType: 'Create' | 'Update' | 'Delete'): unknown {
  const region = str(overrides, 'region', REGION);
  const stack = `arn:aws:cloudformation:${region}:${ACCOUNT}:stack/${str(overrides, 'stack', 'example-stack')}/${uuid()}`;
  const event: Record<string, unknown> = {
    RequestType: requestType,
    ServiceToken: `arn:aws:lambda:${region}:${ACCOUNT}:function:example`,
    ResponseURL: str(overrides, 'responseUrl', `https://cloudformation-custom-resource-response-${region}.s3.amazonaws.com/sample?X-Amz-Signature=${hex(8)}`),
    StackId: stack,
    RequestId: uuid(),
    LogicalResourceId: str(overrides, 'logicalResourceId', 'MyResource'),
    ResourceType: str(overrides, 'resourceType', 'Custom::Example'),
    ResourceProperties: { ServiceToken: `arn:aws:lambda:${region}:${ACCOUNT}:function:example`, ...obj(overrides, 'properties', { Name: 'example' }) },
  };
  if (requestType !== 'Create') event.PhysicalResourceId = str(overrides, 'physicalResourceId', `example-${hex(4)}`);
  if (requestType === 'Update') event.OldResourceProperties = obj(overrides, 'oldProperties', { ServiceToken: event.ServiceToken, Name: 'previous' });
  return event;
}

const COGNITO_OVERRIDES = ['userPoolId', 'userName', 'clientId', 'userAttributes', 'clientMetadata'];
const CFN_OVERRIDES = ['resourceType', 'logicalResourceId', 'properties', 'stack', 'responseUrl', 'region'];

/** Cognito user pool trigger and CloudFormation custom resource samples. */
export const callerSamples: readonly SampleDefinition[] = [
  {
    name: 'aws.cognito-idp.pre-sign-up',
    description: 'Cognito user pool trigger: pre sign-up (answer autoConfirmUser, ...)',
    overrides: [...COGNITO_OVERRIDES, 'validationData'],
    build: (o) => cognitoEvent(o, 'PreSignUp_SignUp', { validationData: obj(o, 'validationData', {}) }, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false }),
  },
  {
    name: 'aws.cognito-idp.post-confirmation',
    description: 'Cognito user pool trigger: post confirmation (a user confirmed sign-up)',
    overrides: COGNITO_OVERRIDES,
    build: (o) => cognitoEvent(o, 'PostConfirmation_ConfirmSignUp', {}, {}),
  },
  {
    name: 'aws.cognito-idp.pre-token-generation',
    description: 'Cognito user pool trigger: pre token generation (answer claims to add or suppress)',
    overrides: COGNITO_OVERRIDES,
    build: (o) => cognitoEvent(o, 'TokenGeneration_Authentication', { groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null } }, { claimsOverrideDetails: null }),
  },
  { name: 'aws.cloudformation.create', description: 'CloudFormation custom resource: Create', overrides: CFN_OVERRIDES, build: (o) => cloudFormationEvent(o, 'Create') },
  { name: 'aws.cloudformation.update', description: 'CloudFormation custom resource: Update (with the old properties)', overrides: [...CFN_OVERRIDES, 'physicalResourceId', 'oldProperties'], build: (o) => cloudFormationEvent(o, 'Update') },
  { name: 'aws.cloudformation.delete', description: 'CloudFormation custom resource: Delete', overrides: [...CFN_OVERRIDES, 'physicalResourceId'], build: (o) => cloudFormationEvent(o, 'Delete') },
];
