// The scenarios of the CloudEvents conformance project's HTTP feature
// (github.com/cloudevents/conformance, features/http-protocol-binding.feature), one test per example row.
import { describe, expect, it } from 'vitest';
import { fromHttp } from './decode.js';

/** Split a raw HTTP/1.1 request as the feature file writes it into headers (name as written) and body. */
function parseHttpRequest(raw: string): { headers: Record<string, string>; body: Buffer } {
  const [head = '', body = ''] = raw.split('\n\n');
  const headers: Record<string, string> = {};
  for (const line of head.split('\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return { headers, body: Buffer.from(body, 'utf8') };
}

describe('conformance: features/http-protocol-binding.feature', () => {
  describe.each(['application/json', 'application/json; charset=utf-8'])('Binary content mode (%s)', (contentType) => {
    const body = '{\n    "message": "Hello World!"\n}';
    const raw = [
      'POST /someresource HTTP/1.1',
      'Host: example.com',
      'ce-specversion: 1.0',
      'ce-type: com.example.someevent',
      'ce-time: 2018-04-05T03:56:24Z',
      'ce-id: 1234-1234-1234',
      'ce-source: /mycontext/subcontext',
      `Content-Type: ${contentType}`,
      'Content-Length: 33',
      '',
      body,
    ].join('\n');

    it('has the attributes and the data of the scenario', () => {
      const message = parseHttpRequest(raw);
      expect(message.body.length).toBe(33); // the scenario's Content-Length
      const event = fromHttp(message);
      expect(event).toEqual({
        id: '1234-1234-1234',
        specversion: '1.0',
        type: 'com.example.someevent',
        source: '/mycontext/subcontext',
        time: '2018-04-05T03:56:24Z',
        datacontenttype: contentType,
        data: { message: 'Hello World!' },
      });
    });
  });

  describe.each(['application/cloudevents+json', 'application/cloudevents+json; charset=utf-8'])(
    'Structured content mode (%s)',
    (contentType) => {
      const body = `{
    "specversion": "1.0",
    "type": "com.example.someevent",
    "time": "2018-04-05T03:56:24Z",
    "id": "1234-1234-1234",
    "source": "/mycontext/subcontext",
    "datacontenttype": "application/json",
    "data": {
        "message": "Hello World!"
    }
}`;
      const raw = [
        'POST /someresource HTTP/1.1',
        'Host: example.com',
        `Content-Type: ${contentType}`,
        'Content-Length: 266',
        '',
        body,
      ].join('\n');

      it('has the attributes and the data of the scenario', () => {
        const message = parseHttpRequest(raw);
        expect(message.body.length).toBe(266); // the scenario's Content-Length
        const event = fromHttp(message);
        expect(event).toEqual({
          id: '1234-1234-1234',
          specversion: '1.0',
          type: 'com.example.someevent',
          source: '/mycontext/subcontext',
          time: '2018-04-05T03:56:24Z',
          datacontenttype: 'application/json',
          data: { message: 'Hello World!' },
        });
      });
    },
  );
});
