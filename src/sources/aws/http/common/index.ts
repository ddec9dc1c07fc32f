export { requestBody, responseBody, isTextualType, type EncodedBody } from './body.js';
export { addHeader, collectHeaders, finishHeaders, headerValue } from './headers.js';
export { forwardedFor, forwardedHttps, ipAddress } from './remote.js';
export { multiValueHeaders, setCookies, singleValueHeaders, statusDescription } from './response.js';
export { decodedQuery, encodeRaw, rawQuery, requestPath, safeRawQuery, withQuery } from './url.js';
