import { describe, expect, it } from 'vitest';
import { messageBytesPayload } from './bytes.js';

describe('messageBytesPayload', () => {
  it('parses JSON, keeps UTF-8 text as text, and other bytes as canonical base64', () => {
    expect(messageBytesPayload(Buffer.from(' {"a":[1,2]}').toString('base64'))).toEqual({ datacontenttype: 'application/json', data: { a: [1, 2] }, raw: ' {"a":[1,2]}' });
    expect(messageBytesPayload(Buffer.from('12 monkeys').toString('base64'))).toEqual({ datacontenttype: 'text/plain; charset=utf-8', data: '12 monkeys', raw: '12 monkeys' });
    expect(messageBytesPayload(Buffer.from('Grüße €').toString('base64'))).toMatchObject({ datacontenttype: 'text/plain; charset=utf-8', data: 'Grüße €' });
    const binary = messageBytesPayload('/wA'); // unpadded: re-encoded canonically
    expect(binary.datacontenttype).toBe('application/octet-stream');
    expect(binary.data_base64).toBe('/wA=');
    expect(Buffer.from(binary.raw as Uint8Array).equals(Buffer.from([0xff, 0x00]))).toBe(true);
    expect(messageBytesPayload('')).toEqual({ datacontenttype: 'text/plain; charset=utf-8', data: '', raw: '' });
  });
});
