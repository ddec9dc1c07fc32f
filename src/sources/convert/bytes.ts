import { isUtf8 } from 'node:buffer';
import { BINARY_TYPE, textPayload, type Payload } from './payload.js';

/**
 * Base64 message bytes from a broker (Kafka values, Amazon MQ message data): decoded, then JSON when
 * they are UTF-8 text that parses as JSON (`application/json`), else the text when they are UTF-8
 * (`text/plain; charset=utf-8`), else the bytes as `data_base64` (`application/octet-stream`, re-encoded
 * canonically). Unlike `base64Payload` (Kinesis), plain text stays text: broker messages are text more
 * often than not (JMS text messages, string-serialised Kafka values), as SQS bodies are.
 *
 * @example
 * messageBytesPayload('eyJhIjoxfQ=='); // { datacontenttype: 'application/json', data: { a: 1 }, raw: '{"a":1}' }
 * messageBytesPayload('aGk=');         // { datacontenttype: 'text/plain; charset=utf-8', data: 'hi', raw: 'hi' }
 * messageBytesPayload('/w==');         // { datacontenttype: 'application/octet-stream', data_base64: '/w==', raw: <ff> }
 */
export function messageBytesPayload(encoded: string): Payload {
  const bytes = Buffer.from(encoded, 'base64');
  if (isUtf8(bytes)) return textPayload(bytes.toString('utf8'));
  return { datacontenttype: BINARY_TYPE, data_base64: bytes.toString('base64'), raw: bytes };
}
