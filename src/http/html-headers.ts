/**
 * The fields only HTML carries, per kind of HTML, as data: Content-Security-Policy,
 * Permissions-Policy and Cross-Origin-Opener-Policy. Every other response goes without them:
 * each field costs workerd instructions on every response that carries it.
 */

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
 * page (clickjacking); the embed card is what they frame. `form-action 'self'`: the masthead's
 * search form goes to /search and nowhere else.
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
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  },
  embed: {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    // The lead image's thumbnail (views/embed/card.ts).
    'img-src': "'self'",
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
  'accelerometer', 'autoplay', 'camera', 'captured-surface-control', 'clipboard-read',
  'clipboard-write', 'compute-pressure', 'digital-credentials-create', 'digital-credentials-get',
  'display-capture', 'encrypted-media', 'fullscreen', 'gamepad', 'geolocation', 'gyroscope', 'hid',
  'identity-credentials-get', 'idle-detection', 'keyboard-map', 'local-fonts',
  'local-network-access', 'magnetometer', 'microphone', 'midi', 'otp-credentials', 'payment',
  'picture-in-picture', 'publickey-credentials-create', 'publickey-credentials-get',
  'screen-wake-lock', 'serial', 'speaker-selection', 'storage-access', 'usb', 'window-management',
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
