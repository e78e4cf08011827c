/**
 * Headers every response carries, as data: security (OWASP secure headers), CORS for embedding
 * (Fetch standard), and the methods this read-only API allows (RFC 9110 §9).
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

/** The HTML a response carries: a page of the site, or an embed card that other sites frame. */
export type HtmlKind = 'page' | 'embed';

/**
 * Content-Security-Policy directives (CSP3) per kind of HTML, as data.
 *
 * Pages: no script at all; styles only from our own content-hashed stylesheet. `connect-src 'self'`
 * names the one place a page may ever talk to (its own API, feeds and documents) and nothing
 * else, so a later enhancement needs no wider policy; with no script-src nothing can connect today.
 * The pages' JSON-LD is a data block, which this policy neither blocks nor needs to allow
 * (src/views/trusted.ts, `trustedJsonLd`). `frame-ancestors 'none'`: no other site may frame a
 * page (clickjacking); the embed card is what they frame.
 *
 * Embed cards: framed by any site (`frame-ancestors *`), running only scripts from our origin (the
 * hashed card script that reports its height; the card has no inline script) and loading nothing
 * but our stylesheet. `'self'` is the origin of the card's URL even in an iframe sandboxed into an
 * opaque origin (CSP3 §4.2.1: a policy's self-origin is its response's URL's origin).
 */
const DIRECTIVES: Readonly<Record<HtmlKind, Readonly<Record<string, string>>>> = {
  page: {
    'default-src': "'none'",
    'connect-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' https:",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  },
  embed: {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': '*',
  },
};

const CONTENT_SECURITY_POLICIES = Object.fromEntries(
  Object.entries(DIRECTIVES).map(([kind, directives]) => [kind, Object.entries(directives).map(([name, sources]) => `${name} ${sources}`).join('; ')]),
) as Readonly<Record<HtmlKind, string>>;

/** The Content-Security-Policy field value for a kind of HTML (rendered once, at module load). */
export function contentSecurityPolicy(kind: HtmlKind): string {
  return CONTENT_SECURITY_POLICIES[kind];
}

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
 * Sets the headers every response carries; HTML gets the page CSP unless the route chose another
 * (an embed card's, `Delivery.html`), HTTPS gets HSTS. `date` is the HTTP-date of now (date.ts).
 */
export function applyCommonHeaders(headers: Headers, https: boolean, date: string): void {
  // RFC 9110 §6.6.1: an origin server with a clock sends Date (a 304 too, §15.4.5).
  headers.set('Date', date);
  for (const [name, value] of EVERY_RESPONSE) headers.set(name, value);
  if (headers.get('Content-Type')?.startsWith('text/html') && !headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', contentSecurityPolicy('page'));
  if (https) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
}
