/** SNS's own URLs: the only ones the gateway fetches certificates from or confirms subscriptions at. */

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com$/;

/**
 * Whether a URL is an SNS endpoint the gateway may fetch: `https://sns.<region>.amazonaws.com/`, no
 * credentials, no port, and (for certificates) a path ending in `.pem`.
 *
 * @example
 * isSnsUrl('https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem', '.pem'); // true
 * isSnsUrl('https://sns.eu-west-1.amazonaws.com.evil.example/x.pem', '.pem');               // false
 */
export function isSnsUrl(url: string, pathSuffix = ''): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && SNS_HOST.test(parsed.hostname) && parsed.port === '' && parsed.username === '' && parsed.password === '' && parsed.pathname.endsWith(pathSuffix);
}
