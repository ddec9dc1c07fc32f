import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * A shared-secret check: the header's value against the secret, compared in constant time over
 * equal-length SHA-256 digests (so neither the content nor the length of the secret leaks).
 *
 * @example
 * const check = tokenCheck({ value: 'Bearer s3cret' });
 * check({ authorization: 'Bearer s3cret' }); // true
 */
export function tokenCheck(token: { header?: string; value: string }): (headers: Record<string, string>) => boolean {
  const header = (token.header ?? 'authorization').toLowerCase();
  const expected = digest(token.value);
  return (headers) => {
    const presented = headers[header];
    return presented !== undefined && timingSafeEqual(digest(presented), expected);
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
