/**
 * Safe request paths from event data (a CloudEvent's `source`, an EventBridge `source`, an IoT Events
 * `eventName`). Such values are chosen by whoever sent the event, so they must never escape the path:
 * no `..` traversal, no query string, no fragment, no raw control characters.
 */

/**
 * One path segment that needs no work: RFC 3986 `pchar` characters that are left unencoded
 * (unreserved, sub-delims, `:` and `@`), no `/`, no `%`. Compiled once: this is the per-event path.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;

/**
 * `encodeURIComponent` escapes these pchar characters too; RFC 3986 allows them in a segment, and
 * keeping them readable keeps `/arn:aws:sqs:...` and `/a+b` as they are.
 */
const OVER_ESCAPED = /%(?:24|26|2B|2C|3B|3D|3A|40)/g;
const UNESCAPE: Record<string, string> = {
  '%24': '$',
  '%26': '&',
  '%2B': '+',
  '%2C': ',',
  '%3B': ';',
  '%3D': '=',
  '%3A': ':',
  '%40': '@',
};

/** Lone surrogates, which `encodeURIComponent` rejects with a `URIError`. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

type WellFormed = (this: string) => string;
const toWellFormed = (String.prototype as { toWellFormed?: WellFormed }).toWellFormed;

/** Replace lone surrogates by U+FFFD (what `String.prototype.toWellFormed` does, on Node 20+). */
function wellFormed(text: string): string {
  return toWellFormed ? toWellFormed.call(text) : text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Percent-encode one path segment (or any value placed in a URI): plain RFC 3986 path characters stay,
 * everything else (including `/`, `%`, `?`, `#`) is escaped as UTF-8. Never throws.
 *
 * @example
 * encodeSegment('us-east-1:abc'); // 'us-east-1:abc'
 * encodeSegment('a/b c');         // 'a%2Fb%20c'
 */
export function encodeSegment(segment: string): string {
  if (SAFE_SEGMENT.test(segment)) return segment;
  return encodeURIComponent(wellFormed(segment)).replace(OVER_ESCAPED, (escape) => UNESCAPE[escape] ?? escape);
}

/**
 * Turn a value taken from an event into a request path that cannot escape it: split on `/`, drop `.`,
 * `..` and empty segments, percent-encode every other character that is not a plain RFC 3986 path
 * character (`%`, `?`, `#`, spaces, control characters, non-ASCII as UTF-8; lone surrogates become
 * U+FFFD), join with `/` after a leading `/`. Never yields a query string or fragment; a value that
 * sanitises to nothing yields `/`. Never throws.
 *
 * @example
 * safePath('com.my.event');      // '/com.my.event'
 * safePath('/my/context');       // '/my/context'
 * safePath('../../etc/passwd');  // '/etc/passwd'
 * safePath('x?y#z');             // '/x%3Fy%23z'
 */
export function safePath(raw: string): string {
  // Fast path: the common case (`aws.events`, `com.my.event`) is one safe segment, returned as is.
  if (raw !== '.' && raw !== '..' && SAFE_SEGMENT.test(raw)) return '/' + raw;
  let path = '';
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') continue;
    path += '/' + encodeSegment(segment);
  }
  return path === '' ? '/' : path;
}
