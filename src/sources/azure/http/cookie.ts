/** A cookie as `@azure/functions` 4 takes it in `HttpResponseInit.cookies` (its `Cookie` type). */
export interface AzureCookie {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  expires?: Date;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  maxAge?: number;
}

const SAME_SITE: Readonly<Record<string, AzureCookie['sameSite']>> = { strict: 'Strict', lax: 'Lax', none: 'None' };

/**
 * A `Set-Cookie` value as a {@link AzureCookie}, for the host, which builds the header again from
 * these fields (a `Set-Cookie` response header would be flattened to one value). Attributes the host
 * has no field for (`Partitioned`, `Priority`) are dropped; an unparsable `Expires` or `Max-Age` too.
 *
 * @example
 * parseSetCookie('sid=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60');
 * // { name: 'sid', value: 'abc', path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 }
 */
export function parseSetCookie(header: string): AzureCookie {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  const cookie: AzureCookie = eq < 0 ? { name: '', value: pair.trim() } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain') cookie.domain = value;
    else if (key === 'path') cookie.path = value;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'samesite' && SAME_SITE[value.toLowerCase()] !== undefined) cookie.sameSite = SAME_SITE[value.toLowerCase()];
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) cookie.expires = new Date(value);
    else if (key === 'max-age' && /^-?\d+$/.test(value)) cookie.maxAge = Number(value);
  }
  return cookie;
}
