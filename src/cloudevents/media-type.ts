/**
 * Media types (RFC 2046 / RFC 9110 §8.3.1), matched case-insensitively with parameters ignored or read:
 * `Application/CloudEvents+JSON; charset=UTF-8` is the structured-mode JSON format.
 */

/** The JSON event format's media type (JSON format 1.0.2 §3). */
export const CLOUDEVENTS_JSON_MEDIA_TYPE = 'application/cloudevents+json';
/** The JSON batch format's media type (JSON format 1.0.2 §4.2). */
export const CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE = 'application/cloudevents-batch+json';

/**
 * The essence of a media type: `type/subtype`, lower-case, without parameters or surrounding whitespace.
 *
 * @example
 * mediaTypeEssence('Application/JSON; charset=UTF-8'); // 'application/json'
 */
export function mediaTypeEssence(contentType: string): string {
  const semi = contentType.indexOf(';');
  const essence = semi === -1 ? contentType : contentType.slice(0, semi);
  return essence.trim().toLowerCase();
}

/**
 * Whether a `datacontenttype` declares JSON-formatted data: absent, or a media type whose subtype is
 * `json` or ends in `+json` (JSON format 1.0.2 §3.1.1: `*\/json` or `*\/*+json`), in any case, with any
 * parameters.
 *
 * @example
 * isJsonContentType(undefined);                          // true: absent means application/json
 * isJsonContentType('application/vnd.api+json; v=1');   // true
 * isJsonContentType('Text/JSON');                        // true
 * isJsonContentType('application/jsonl');                // false
 */
export function isJsonContentType(mediaType: string | undefined): boolean {
  // Fast path: the overwhelmingly common exact value, no allocation.
  if (mediaType === undefined || mediaType === 'application/json') return true;
  const essence = mediaTypeEssence(mediaType);
  const slash = essence.indexOf('/');
  if (slash <= 0) return false;
  const subtype = essence.slice(slash + 1);
  return subtype === 'json' || (subtype.length > 5 && subtype.endsWith('+json'));
}

// RFC 9110 §5.6.2 token characters.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
// A quoted-string (RFC 9110 §5.6.4) in printable ASCII: qdtext is HTAB, SP and VCHAR but `"` and `\`;
// a quoted-pair escapes HTAB, SP or VCHAR. No CR, LF, NUL or other control character, no non-ASCII:
// the value becomes a Content-Type header, where those would break or be refused.
const QUOTED = '"(?:[\\t\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\t\\x20-\\x7e])*"';
// type "/" subtype *( OWS ";" OWS [ parameter ] ), parameter value a token or a quoted-string.
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*(?:${TOKEN}=(?:${TOKEN}|${QUOTED}))?)*[ \\t]*$`);

/**
 * Whether a string is a syntactically valid media type with optional parameters (RFC 2046, RFC 9110
 * §8.3.1: `type/subtype *(OWS ; OWS name=value)`, token characters, values a token or a quoted-string
 * of printable ASCII), as the core spec requires of `datacontenttype`. Such a value is always a valid
 * header value: no CR, LF, NUL or non-ASCII.
 *
 * @example
 * isValidMediaType('text/plain; charset="utf-8"'); // true
 * isValidMediaType('json');                         // false
 * isValidMediaType('text/plain\r\nX-Injected: 1');  // false
 */
export function isValidMediaType(value: string): boolean {
  return MEDIA_TYPE.test(value);
}

const CHARSET_PARAM = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i;

/**
 * The `charset` parameter of a content type, lower-case, or `undefined` when it has none.
 *
 * @example
 * charsetOf('text/plain; Charset="ISO-8859-1"'); // 'iso-8859-1'
 */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined || contentType.indexOf(';') === -1) return undefined;
  const match = CHARSET_PARAM.exec(contentType);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : value.toLowerCase();
}

/**
 * Whether a media type carries text, so that binary-mode data decodes to a string rather than bytes:
 * `text/*`, XML (`*\/xml`, `*\/*+xml`), form-encoded, JavaScript, or any type with a `charset` parameter.
 * JSON types are handled separately (see {@link isJsonContentType}).
 *
 * @example
 * isTextContentType('application/xml'); // true
 * isTextContentType('image/png');       // false
 */
export function isTextContentType(contentType: string): boolean {
  const essence = mediaTypeEssence(contentType);
  if (essence.startsWith('text/')) return true;
  if (essence.endsWith('/xml') || essence.endsWith('+xml')) return true;
  if (essence === 'application/x-www-form-urlencoded' || essence === 'application/javascript') return true;
  return charsetOf(contentType) !== undefined;
}

/**
 * Whether a charset label means UTF-8 (or its subset US-ASCII), the encoding this layer reads and
 * writes without a decoder lookup.
 *
 * @example
 * isUtf8Charset('UTF8'); // true
 */
export function isUtf8Charset(charset: string | undefined): boolean {
  if (charset === undefined) return true;
  const c = charset.toLowerCase();
  return c === 'utf-8' || c === 'utf8' || c === 'us-ascii' || c === 'ascii';
}
