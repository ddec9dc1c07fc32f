import { afterEach, describe, expect, it, vi } from 'vitest';
import { invocationHeaders, toHeaderValue } from './invocation-headers.js';

afterEach(() => vi.unstubAllEnvs());

describe('invocation headers', () => {
  it('x-amzn-lambda-context follows the context of each invocation, and stays ASCII', () => {
    const base = { awsRequestId: 'r1', functionName: 'f', functionVersion: '1', invokedFunctionArn: 'arn:f', memoryLimitInMB: '128', logGroupName: 'g', logStreamName: 's' };
    const first = JSON.parse(invocationHeaders(base, 1)['x-amzn-lambda-context']!);
    expect(first).toEqual({ ...base, deadline: 1 });
    const renamed = { ...base, awsRequestId: 'r2', functionName: 'fünf\u007f', functionVersion: '2' };
    const header = invocationHeaders(renamed, 2)['x-amzn-lambda-context']!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(header)).toEqual({ ...renamed, deadline: 2 });
    expect(JSON.parse(invocationHeaders({ awsRequestId: 'r3' }, 3)['x-amzn-lambda-context']!)).toEqual({ awsRequestId: 'r3', deadline: 3 });
  });

  it('request and trace ids with CR/LF or non-ASCII become safe header values', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-abc\r\nx-injected: yes');
    const headers = invocationHeaders({ awsRequestId: 'id\nwith é' }, 0);
    expect(headers['x-amzn-request-id']).toBe('id%0Awith %C3%A9');
    expect(headers['x-amzn-trace-id']).toBe('Root=1-abc%0D%0Ax-injected: yes');
    expect(toHeaderValue('lone \ud800 surrogate')).toBe('lone %EF%BF%BD surrogate');
  });

  it("the context's xRayTraceId (multi-concurrency runtimes) wins over _X_AMZN_TRACE_ID, and becomes traceparent", () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-11111111-111111111111111111111111;Parent=1111111111111111;Sampled=0');
    const own = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    const headers = invocationHeaders({ awsRequestId: 'r', xRayTraceId: own }, 0);
    expect(headers['x-amzn-trace-id']).toBe(own);
    expect(headers.traceparent).toBe('00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01');
    expect(invocationHeaders({ awsRequestId: 'r' }, 0)['x-amzn-trace-id']).toMatch(/^Root=1-1111/);
  });
});
