import { applyHtmlHeaders } from './html-headers';

/**
 * Headers every response carries, as data: security (OWASP secure headers), CORS for embedding
 * (Fetch standard), and the methods this read-only API allows (RFC 9110 §9). HTML adds its own
 * (html-headers.ts).
 */

export const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
/** The `Allow` field value (RFC 9110 §10.2.1), sent with 405 and OPTIONS. */
export const ALLOW = ALLOWED_METHODS.join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Embeddable by any site: articles are public and meant to be fetched across origins.
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** HSTS only means something over HTTPS (RFC 6797 §7.2: not sent over plain HTTP). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link, Content-Location',
};

/** Answers to a CORS preflight: what a cross-origin caller may send, cached by it for a day. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': ALLOW,
  'Access-Control-Allow-Headers': 'Accept, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since',
  'Access-Control-Max-Age': '86400',
};

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method);
}

const EVERY_RESPONSE = Object.entries({ ...SECURITY_HEADERS, ...CORS_HEADERS });

/**
 * Sets the headers every response carries; HTML gets the page's fields (applyHtmlHeaders) unless
 * the route chose another kind (an embed card, `Delivery.html`), HTTPS gets HSTS. `date` is the
 * HTTP-date of now (date.ts).
 */
export function applyCommonHeaders(headers: Headers, https: boolean, date: string): void {
  // RFC 9110 §6.6.1: an origin server with a clock sends Date (a 304 too, §15.4.5).
  headers.set('Date', date);
  for (const [name, value] of EVERY_RESPONSE) headers.set(name, value);
  if (headers.get('Content-Type')?.startsWith('text/html') && !headers.has('Content-Security-Policy')) applyHtmlHeaders(headers, 'page');
  if (https) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
}
