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

/**
 * Powerful features (Permissions Policy, W3C; the features each API's spec names) that no page
 * and no card uses, each denied to the document and every frame in it: device access and
 * sensors, capture, credentials, payment, fingerprinting surfaces (fonts, keyboard layout,
 * screens), media the pages do not have. Only names Chromium 156 knows: it logs "Unrecognized
 * feature" for any other (on Linux: ambient-light-sensor, battery, bluetooth, web-share), so
 * check:browser would see our own header complain.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-write',
  'compute-pressure',
  'digital-credentials-create',
  'digital-credentials-get',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'keyboard-map',
  'local-fonts',
  'local-network-access',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'speaker-selection',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
] as const;

/** `feature=()`: an empty allowlist (a Structured Fields dictionary member whose value is an empty inner list, RFC 9651 §3.2). */
const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/**
 * The fields HTML carries besides the common ones, per kind, as data.
 *
 * `Cross-Origin-Opener-Policy: same-origin` on pages: a page opened from another site, or opening
 * one, shares no browsing context group with it (no `window.opener` either way; HTML, "Cross-origin
 * opener policies"). Not on the embed card: browsers apply COOP to top-level documents only, and
 * the card exists to be framed, where the field would cost every card response and do nothing.
 * The card's links still open article pages: its sandbox lets popups escape it, and HTML refuses a
 * COOP document only in a sandboxed popup.
 */
const HTML_HEADERS: Readonly<Record<HtmlKind, Readonly<Record<string, string>>>> = {
  page: { 'Content-Security-Policy': CONTENT_SECURITY_POLICIES.page, 'Permissions-Policy': PERMISSIONS_POLICY, 'Cross-Origin-Opener-Policy': 'same-origin' },
  embed: { 'Content-Security-Policy': CONTENT_SECURITY_POLICIES.embed, 'Permissions-Policy': PERMISSIONS_POLICY },
};

const HTML_HEADER_ENTRIES: Readonly<Record<HtmlKind, readonly [string, string][]>> = { page: Object.entries(HTML_HEADERS.page), embed: Object.entries(HTML_HEADERS.embed) };

/**
 * Sets the fields a kind of HTML carries (CSP, Permissions-Policy, and COOP on pages). Only on a
 * response with content: they describe the document, and a 304 sends no content metadata.
 */
export function applyHtmlHeaders(headers: Headers, kind: HtmlKind): void {
  for (const [name, value] of HTML_HEADER_ENTRIES[kind]) headers.set(name, value);
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
