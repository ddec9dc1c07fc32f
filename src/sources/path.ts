/**
 * Safe request paths from event data (a CloudEvent's `source`, an EventBridge `source`, an IoT Events
 * `eventName`, an AppSync field, a Step Functions state name, ...). Such values are chosen by whoever
 * sent the event, so they must never escape the path: no `..` traversal (in any spelling a router or
 * URL parser would resolve: `%2e%2e`, `..\..`), no query string, no fragment, no authority (`//host`),
 * no raw control characters. Every path a source builds from event data goes through {@link safePath}
 * or {@link safeRoute}.
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
 * Separators of a value's segments: `/`, and `\`, which WHATWG URL parsing treats as `/` in `http:`
 * URLs (so `..\..` would climb in a fetch app) and which some routers and static-file servers normalise.
 */
const SEPARATOR = /[/\\]/;

/**
 * A segment that names no resource: empty, `.` or `..`, also spelled with percent-encoded dots
 * (`%2e`, `%2E`), which RFC 3986 makes equivalent and which routers that decode before matching resolve.
 */
const DOT_SEGMENT = /^(?:\.|%2e){0,2}$/i;

/**
 * The safe segments of a value: split on `/` and `\`, dot and empty segments dropped, each remaining
 * one percent-encoded (see {@link encodeSegment}), joined with `joiner`. `''` when nothing is left.
 */
function safeSegments(raw: string, joiner: string): string {
  let path = '';
  for (const segment of raw.split(SEPARATOR)) {
    if (DOT_SEGMENT.test(segment)) continue;
    path += (path === '' && joiner !== '/' ? '' : joiner) + encodeSegment(segment);
  }
  return path;
}

/**
 * Turn a value taken from an event into a request path that cannot escape it: split on `/` and `\`,
 * drop `.`, `..` and empty segments (dots also when percent-encoded: `%2e%2e`), percent-encode every
 * other character that is not a plain RFC 3986 path character (`%`, `?`, `#`, spaces, control
 * characters, non-ASCII as UTF-8; lone surrogates become U+FFFD), join with `/` after a leading `/`.
 * Never yields a query string, a fragment, a `\` or a `//`; a value that sanitises to nothing yields
 * `/`. Never throws.
 *
 * @example
 * safePath('com.my.event');      // '/com.my.event'
 * safePath('/my/context');       // '/my/context'
 * safePath('../../etc/passwd');  // '/etc/passwd'
 * safePath('%2e%2e\\admin');      // '/admin'
 * safePath('x?y#z');             // '/x%3Fy%23z'
 */
export function safePath(raw: string): string {
  // Fast path: the common case (`aws.events`, `com.my.event`) is one safe segment, returned as is.
  if (raw !== '.' && raw !== '..' && SAFE_SEGMENT.test(raw)) return '/' + raw;
  const path = safeSegments(raw, '/');
  return path === '' ? '/' : path;
}

/**
 * A path under a source's fixed `prefix` with one segment per event value (`/aws.appsync/<type>/<field>`):
 * each value made safe as {@link safePath} makes a path, but kept as one segment (its own `/` and `\`
 * separators become `%2F`, after its dot segments are dropped), so that a route such as
 * `/aws.appsync/:type/:field` always splits the values as the event gave them. `prefix` alone when any
 * value is missing or sanitises to nothing (`..`, `%2e`, `/`): the path never climbs out of `prefix`,
 * and a hostile value never lands on another value's route. Never throws.
 *
 * @example
 * safeRoute('/aws.appsync', 'Query', 'getPost'); // '/aws.appsync/Query/getPost'
 * safeRoute('/aws.states', 'Charge card');       // '/aws.states/Charge%20card'
 * safeRoute('/aws.appsync', '..', 'admin');      // '/aws.appsync'
 * safeRoute('/aws.states', 'a/../b');            // '/aws.states/a%2Fb'
 */
export function safeRoute(prefix: string, ...values: ReadonlyArray<string | undefined>): string {
  let path = prefix;
  for (const value of values) {
    if (value === undefined) return prefix;
    // Fast path: a plain name (GraphQL names, Step Functions steps) is its own segment.
    const segment = value !== '.' && value !== '..' && SAFE_SEGMENT.test(value) ? value : safeSegments(value, '%2F');
    if (segment === '') return prefix;
    path += '/' + segment;
  }
  return path;
}
