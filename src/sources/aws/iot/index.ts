import type { IoTCustomAuthorizerEvent, IoTPreProvisioningHookEvent } from 'aws-lambda';
import { isCloudEventString } from '../../../cloudevents/attribute-types.js';
import type { CloudEvent } from '../../../cloudevents/types.js';
import type { LambdaContext } from '../../../lambda-context.js';
import { buildCloudEvent, convertSafely, invocationId, type Attributes } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, isObject, textField } from '../../convert/values.js';
import type { JsonSource, PlainSource } from '../../types.js';

/*
 * IoT rules deliver whatever their SQL statement selects: no fixed shape, so no guard can recognise
 * them. They arrive as direct invocations at `request.path`. The shapes below are the ones AWS IoT
 * services define themselves.
 */

/** An AWS IoT Button press (the classic button's own event). */
export interface IoTButtonEvent {
  serialNumber: string;
  clickType: 'SINGLE' | 'DOUBLE' | 'LONG' | (string & {});
  batteryVoltage?: string;
}

/** An AWS IoT 1-Click device event. */
export interface IoT1ClickEvent {
  deviceEvent: Record<string, unknown>;
  deviceInfo: { deviceId: string; type: string; attributes?: Record<string, string>; remainingLife?: number };
  placementInfo?: { projectName: string; placementName: string; attributes?: Record<string, string>; devices?: Record<string, string> };
}

/** A name from event data that can go into a `type`: a CloudEvents String (no control characters). */
function safeName(name: string | undefined): string | undefined {
  return name !== undefined && name !== '' && isCloudEventString(name) ? name : undefined;
}

/** One CloudEvent for the whole event, its data the event itself. */
function whole(event: unknown, context: LambdaContext | undefined, attributes: (event: unknown) => Omit<Attributes, 'id'> & { id?: string | undefined }): CloudEvent[] {
  return convertSafely(event, context, () => {
    const { id, ...rest } = attributes(event);
    return [buildCloudEvent({ id: id ?? invocationId(context), ...rest }, jsonPayload(event))];
  });
}

/**
 * AWS IoT Button: `serialNumber` with `clickType` (the button's two fields; neither is another
 * source's).
 *
 * @example
 * isIoTButtonEvent({ serialNumber: 'G030JF05', clickType: 'SINGLE', batteryVoltage: '2000 mV' }); // true
 */
export function isIoTButtonEvent(event: unknown): event is IoTButtonEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return typeof candidate.serialNumber === 'string' && typeof candidate.clickType === 'string';
}

/**
 * AWS IoT Button: id the request id (a press has none); source `aws:iot`; type
 * `com.amazonaws.iot.button.` + clickType (`SINGLE`, `DOUBLE`, `LONG`); subject the serial number;
 * data the event. Path `/aws.iot.button`, answer `reject` (the button's rule invokes asynchronously).
 *
 * @example
 * ioTButtonSource.toCloudEvents(event)[0].type; // 'com.amazonaws.iot.button.SINGLE'
 */
export const ioTButtonSource: PlainSource<IoTButtonEvent> = {
  name: 'aws.iot.button',
  detect: isIoTButtonEvent,
  route: () => '/aws.iot.button',
  toCloudEvents: (event, context) =>
    whole(event, context, (e) => ({
      source: 'aws:iot',
      type: `com.amazonaws.iot.button.${safeName(textField(e, 'clickType')) ?? 'click'}`,
      subject: textField(e, 'serialNumber'),
    })),
  answer: 'reject',
};

/**
 * AWS IoT 1-Click: a `deviceEvent` object (1-Click's own member name).
 *
 * @example
 * isIoT1ClickEvent({ deviceEvent: { buttonClicked: { clickType: 'SINGLE' } }, deviceInfo: { deviceId: 'G0' } }); // true
 */
export function isIoT1ClickEvent(event: unknown): event is IoT1ClickEvent {
  return typeof event === 'object' && event !== null && isObject((event as Record<string, unknown>).deviceEvent);
}

/**
 * AWS IoT 1-Click: id the request id; source `aws:iot1click` + `/` + project name when placed;
 * type `com.amazonaws.iot1click.` + the device event's kind (its one member, `buttonClicked`); subject
 * the device id; time the event's `reportedTime`; data the event. Path `/aws.iot1click`, answer `reject`.
 *
 * @example
 * ioT1ClickSource.toCloudEvents(event)[0].type; // 'com.amazonaws.iot1click.buttonClicked'
 */
export const ioT1ClickSource: PlainSource<IoT1ClickEvent> = {
  name: 'aws.iot1click',
  detect: isIoT1ClickEvent,
  route: () => '/aws.iot1click',
  toCloudEvents: (event, context) =>
    whole(event, context, (e) => {
      const deviceEvent = field(e, 'deviceEvent');
      const kind = isObject(deviceEvent) ? safeName(Object.keys(deviceEvent)[0]) : undefined;
      const project = textField(field(e, 'placementInfo'), 'projectName');
      return {
        source: project === undefined ? 'aws:iot1click' : `aws:iot1click/${encodeURIComponent(project)}`,
        type: `com.amazonaws.iot1click.${kind ?? 'deviceEvent'}`,
        subject: textField(field(e, 'deviceInfo'), 'deviceId'),
        time: kind === undefined ? undefined : toRfc3339(field(field(deviceEvent, kind), 'reportedTime')),
      };
    }),
  answer: 'reject',
};

/**
 * AWS IoT fleet provisioning pre-provisioning hooks: `claimCertificateId` (the claim certificate
 * only a provisioning request carries).
 *
 * @example
 * isIoTPreProvisioningHookEvent({ claimCertificateId: 'c', templateArn: 'arn:...', parameters: {} }); // true
 */
export function isIoTPreProvisioningHookEvent(event: unknown): event is IoTPreProvisioningHookEvent {
  return typeof event === 'object' && event !== null && typeof (event as Record<string, unknown>).claimCertificateId === 'string';
}

/**
 * Pre-provisioning hook: id the request id; source the provisioning template ARN; type
 * `com.amazonaws.iot.provisioning.preprovision`; subject the client id; data the event. Path
 * `/aws.iot.provisioning`, answer `json`: AWS IoT waits for `{ allowProvisioning, parameterOverrides }`,
 * the app's 2xx JSON body; any other status fails the provisioning with the app's error text.
 *
 * @example
 * ioTPreProvisioningHookSource.toCloudEvents(event)[0].subject; // '221a6d10-9c7f-42f1-9153-e52e6fc869c1'
 */
export const ioTPreProvisioningHookSource: JsonSource<IoTPreProvisioningHookEvent> = {
  name: 'aws.iot.provisioning',
  detect: isIoTPreProvisioningHookEvent,
  route: () => '/aws.iot.provisioning',
  toCloudEvents: (event, context) =>
    whole(event, context, (e) => ({
      source: textField(e, 'templateArn') ?? 'aws:iot',
      type: 'com.amazonaws.iot.provisioning.preprovision',
      subject: textField(e, 'clientId'),
    })),
  answer: 'json',
};

/**
 * AWS IoT Core custom authorizers: `protocolData` (an object) with `protocols` (an array), the
 * connection's protocols and their credentials; no other event carries them.
 *
 * @example
 * isIoTCustomAuthorizerEvent({ token: 't', protocols: ['mqtt'], protocolData: { mqtt: {} } }); // true
 */
export function isIoTCustomAuthorizerEvent(event: unknown): event is IoTCustomAuthorizerEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Record<string, unknown>;
  return isObject(candidate.protocolData) && Array.isArray(candidate.protocols);
}

/**
 * Custom authorizer: id the connection id (`connectionMetadata.id`), else the request id; source
 * `aws:iot`; type `com.amazonaws.iot.authorizer`; data the event (credentials included: it is the
 * request to judge). Path `/aws.iot.authorizer`, answer `json`: AWS IoT waits for the app's 2xx JSON
 * body (`isAuthenticated`, `principalId`, `policyDocuments`, ...); any other status is an error
 * (AWS IoT denies the connection).
 *
 * @example
 * ioTCustomAuthorizerSource.toCloudEvents(event)[0].id; // 'e56f08c3-c559-490f-aa9f-7e8427d0f57b'
 */
export const ioTCustomAuthorizerSource: JsonSource<IoTCustomAuthorizerEvent> = {
  name: 'aws.iot.authorizer',
  detect: isIoTCustomAuthorizerEvent,
  route: () => '/aws.iot.authorizer',
  toCloudEvents: (event, context) =>
    whole(event, context, (e) => ({
      id: textField(field(e, 'connectionMetadata'), 'id'),
      source: 'aws:iot',
      type: 'com.amazonaws.iot.authorizer',
    })),
  answer: 'json',
};
