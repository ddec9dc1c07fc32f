import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../../../test/fixtures/load.js';
import { expectValidCloudEvents, plain } from '../../../testing.js';
import { isVpcLatticeEvent, isVpcLatticeV1Event, isVpcLatticeV2Event, vpcLatticeSource as source, type VpcLatticeEvent } from './index.js';

const v1 = loadFixture('powertools/vpc-lattice/base.json') as VpcLatticeEvent;
const v2 = loadFixture('powertools/vpc-lattice-v2/base.json') as VpcLatticeEvent;

describe('VPC Lattice', () => {
  it('delivers a v1 request', () => {
    expect(source.toRequest?.(v1)).toEqual({
      method: 'GET',
      url: '/testpath?order-id=1',
      headers: {
        user_agent: 'curl/7.64.1',
        'x-forwarded-for': '10.213.229.10',
        host: 'test-lambda-service-3908sdf9u3u.dkfjd93.vpc-lattice-svcs.us-east-2.on.aws',
        accept: '*/*',
        'content-length': '33',
      },
      body: Buffer.from('{"message": "Hello from Lambda!"}'),
      remoteAddress: '10.213.229.10',
      secure: false,
    });
  });

  it('delivers a v2 request, array header and query values included', () => {
    expect(source.toRequest?.(v2)).toEqual({
      method: 'GET',
      url: '/newpath?order-id=1',
      headers: {
        user_agent: 'curl/7.64.1',
        'x-forwarded-for': '10.213.229.10',
        host: 'test-lambda-service-3908sdf9u3u.dkfjd93.vpc-lattice-svcs.us-east-2.on.aws',
        accept: '*/*',
        'content-length': '33',
      },
      body: Buffer.from('{"message": "Hello from Lambda!"}'),
      remoteAddress: '10.213.229.10',
      secure: false,
    });
    const arrays = { ...v2, method: 'POST', headers: { Accept: ['a', 'b'], 'x-forwarded-for': ['10.0.0.1'] }, queryStringParameters: { k: ['1', '2'] }, body: 'AP8=', isBase64Encoded: true };
    expect(source.toRequest?.(arrays as VpcLatticeEvent)).toEqual({
      method: 'POST', url: '/newpath?k=1&k=2', headers: { accept: 'a, b', 'x-forwarded-for': '10.0.0.1', 'content-length': '2' }, body: Buffer.from([0, 255]), remoteAddress: '10.0.0.1', secure: false,
    });
  });

  it('takes the query from a v1 raw_path when there are no parameters', () => {
    const event = { raw_path: '/p?a=1&b=%20', method: 'DELETE', headers: {}, query_string_parameters: {}, is_base64_encoded: false };
    expect(source.toRequest?.(event)).toEqual({ method: 'DELETE', url: '/p?a=1&b=%20', headers: {}, body: undefined, remoteAddress: undefined, secure: false });
    expect(source.route(event)).toBe('/p');
  });

  it('answers with statusDescription and single-value headers', () => {
    const response = { statusCode: 201, headers: { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }, body: Buffer.from('{"id":1}') };
    const expected = { statusCode: 201, statusDescription: '201 Created', headers: { 'content-type': 'application/json', 'set-cookie': 'b=2' }, body: '{"id":1}', isBase64Encoded: false };
    expect(source.respond?.(response, v1)).toEqual(expected);
    expect(source.respond?.(response, v2)).toEqual(expected);
    expect(source.respond?.({ statusCode: 200, headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF') }, v2))
      .toEqual({ statusCode: 200, statusDescription: '200 OK', headers: { 'content-type': 'application/pdf' }, body: 'JVBERg==', isBase64Encoded: true });
  });

  it('one CloudEvent per request: source the service ARN (v2) or the host (v1)', () => {
    const context = { awsRequestId: 'req-1' };
    const events = [...source.toCloudEvents(v2, context), ...source.toCloudEvents(v1, context)];
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'req-1',
        source: 'arn:aws:vpc-lattice:us-east-2:123456789012:service/svc-0a40eebed65f8d69c',
        type: 'com.amazonaws.vpclattice.request',
        subject: '/newpath',
        time: '2023-10-03T11:12:23.569Z',
        datacontenttype: 'application/json',
        data: v2,
      },
      {
        specversion: '1.0',
        id: 'req-1',
        source: 'test-lambda-service-3908sdf9u3u.dkfjd93.vpc-lattice-svcs.us-east-2.on.aws',
        type: 'com.amazonaws.vpclattice.request',
        subject: '/testpath',
        datacontenttype: 'application/json',
        data: v1,
      },
    ]);
    expectValidCloudEvents(events);
  });

  it('detects v2 on version 2.0 with a service network, v1 on raw_path', () => {
    expect(isVpcLatticeV2Event(v2)).toBe(true);
    expect(isVpcLatticeV1Event(v1)).toBe(true);
    expect(isVpcLatticeV2Event(v1)).toBe(false);
    expect(isVpcLatticeV1Event(v2)).toBe(false);
    expect(isVpcLatticeEvent(loadFixture('aws-lambda-go/apigw-v2-request-iam.json'))).toBe(false);
    expect(isVpcLatticeEvent({ version: '2.0', requestContext: {} })).toBe(false);
  });
});
